using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Lists;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Vouchers;

/// <summary>/v1/vouchers: create, read, update, delete, list, toggle, import.</summary>
public sealed class VoucherFunctions(VoucherService vouchers, AsyncActionService actions, VoucherPresenter presenter)
{
    [Function("ListVouchers")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/vouchers")] HttpRequest request)
    {
        var query = new VoucherListQuery(QueryReader.Paging(request, maxPage: 99))
        {
            CampaignName = QueryReader.Text(request, "campaign"),
            CampaignId = QueryReader.Text(request, "campaign_id"),
            Category = QueryReader.Text(request, "category"),
            HolderId = QueryReader.Text(request, "customer"),
            Code = QueryReader.Text(request, "code"),
            Ids = QueryReader.List(request, "ids"),
            CreatedAt = QueryReader.Dates(request, "created_at"),
            UpdatedAt = QueryReader.Dates(request, "updated_at"),
            Order = QueryReader.Text(request, "order") ?? "-created_at",
        };
        var page = await vouchers.ListAsync(request.Project(), query, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("vouchers", page.Items.Select(v => presenter.Show(request, v)), page.Total));
    }

    [Function("CreateVoucher")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers")] HttpRequest request)
    {
        var body = await RequestBody.ReadAsync<VoucherCreateRequest>(request);
        var voucher = await vouchers.CreateAsync(request.Project(), body, null, request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, voucher));
    }

    [Function("CreateVoucherWithCode")]
    public async Task<IActionResult> CreateWithCode([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/{code}")] HttpRequest request, string code)
    {
        var body = await RequestBody.ReadOptionalAsync<VoucherCreateRequest>(request);
        var voucher = await vouchers.CreateAsync(request.Project(), body, code, request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, voucher));
    }

    [Function("GetVoucher")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/vouchers/{code}")] HttpRequest request, string code) =>
        Api.Ok(presenter.Show(request, await vouchers.GetAsync(request.Project(), code, request.HttpContext.RequestAborted)));

    [Function("UpdateVoucher")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/vouchers/{code}")] HttpRequest request, string code)
    {
        var changes = await RequestBody.ReadAsync<System.Text.Json.Nodes.JsonObject>(request);
        var voucher = await vouchers.UpdateAsync(request.Project(), code, changes, request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, voucher));
    }

    [Function("DeleteVoucher")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/vouchers/{code}")] HttpRequest request, string code)
    {
        QueryReader.Flag(request, "force");
        await vouchers.DeleteAsync(request.Project(), code, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }

    [Function("EnableVoucher")]
    public async Task<IActionResult> Enable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/{code}/enable")] HttpRequest request, string code) =>
        Api.Ok(presenter.Show(request, await vouchers.SetActiveAsync(request.Project(), code, true, request.HttpContext.RequestAborted)));

    [Function("DisableVoucher")]
    public async Task<IActionResult> Disable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/{code}/disable")] HttpRequest request, string code) =>
        Api.Ok(presenter.Show(request, await vouchers.SetActiveAsync(request.Project(), code, false, request.HttpContext.RequestAborted)));

    [Function("ImportVouchers")]
    public async Task<IActionResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/import")] HttpRequest request)
    {
        var node = await RequestBody.ReadNodeAsync(request, RequestBody.BulkLimit);
        var entries = VoucherImport.Parse(node);
        var action = await actions.StartAsync(request.Project(), AsyncActionTypes.VouchersImport, VoucherImport.Payload(entries), request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return Api.Accepted(new AsyncActionAccepted(action.Id));
    }
}
