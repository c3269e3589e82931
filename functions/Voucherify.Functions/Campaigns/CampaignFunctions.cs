using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Campaigns;
using Voucherify.Core.Lists;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Http;
using Voucherify.Functions.Vouchers;

namespace Voucherify.Functions.Campaigns;

/// <summary>/v1/campaigns: discount coupon campaigns and their vouchers.</summary>
public sealed class CampaignFunctions(CampaignService campaigns, VoucherService vouchers, AsyncActionService actions, VoucherPresenter presenter)
{
    [Function("CreateCampaign")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns")] HttpRequest request)
    {
        var body = await RequestBody.ReadAsync<CampaignCreateRequest>(request);
        return Api.Ok(await campaigns.CreateAsync(request.Project(), body, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));
    }

    [Function("ListCampaigns")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/campaigns")] HttpRequest request)
    {
        var query = new CampaignListQuery(QueryReader.Paging(request))
        {
            CampaignType = QueryReader.Text(request, "campaign_type"),
            Order = QueryReader.Text(request, "order") ?? "-created_at",
        };
        var page = await campaigns.ListAsync(request.Project(), query, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("campaigns", page.Items, page.Total));
    }

    [Function("GetCampaign")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/campaigns/{campaignId}")] HttpRequest request, string campaignId) =>
        Api.Ok(await campaigns.GetAsync(request.Project(), campaignId, request.HttpContext.RequestAborted));

    [Function("UpdateCampaign")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/campaigns/{campaignId}")] HttpRequest request, string campaignId)
    {
        var changes = await RequestBody.ReadAsync<JsonObject>(request);
        return Api.Ok(await campaigns.UpdateAsync(request.Project(), campaignId, changes, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));
    }

    [Function("DeleteCampaign")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/campaigns/{campaignId}")] HttpRequest request, string campaignId)
    {
        QueryReader.Flag(request, "force");
        var action = await campaigns.DeleteAsync(request.Project(), campaignId, request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return Api.Accepted(new AsyncActionAccepted(action.Id));
    }

    [Function("EnableCampaign")]
    public async Task<IActionResult> Enable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns/{campaignId}/enable")] HttpRequest request, string campaignId) =>
        Api.Ok(await campaigns.SetActiveAsync(request.Project(), campaignId, true, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));

    [Function("DisableCampaign")]
    public async Task<IActionResult> Disable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns/{campaignId}/disable")] HttpRequest request, string campaignId) =>
        Api.Ok(await campaigns.SetActiveAsync(request.Project(), campaignId, false, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));

    [Function("AddCampaignVouchers")]
    public async Task<IActionResult> AddVouchers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns/{campaignId}/vouchers")] HttpRequest request, string campaignId)
    {
        var overrides = await RequestBody.ReadOptionalAsync<VoucherCreateRequest>(request);
        var count = QueryReader.Integer(request, "vouchers_count") ?? 1;
        var result = await campaigns.AddVouchersAsync(request.Project(), campaignId, count, overrides, request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return result is Voucher voucher ? Api.Ok(presenter.Show(request, voucher)) : Api.Accepted(result);
    }

    [Function("AddCampaignVoucherWithCode")]
    public async Task<IActionResult> AddVoucher([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns/{campaignId}/vouchers/{code}")] HttpRequest request, string campaignId, string code)
    {
        var overrides = await RequestBody.ReadOptionalAsync<VoucherCreateRequest>(request);
        return Api.Ok(presenter.Show(request, await campaigns.AddVoucherAsync(request.Project(), campaignId, code, overrides, request.HttpContext.RequestAborted)));
    }

    [Function("ImportCampaignVouchers")]
    public async Task<IActionResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/campaigns/{campaignId}/import")] HttpRequest request, string campaignId)
    {
        var campaign = await campaigns.GetAsync(request.Project(), campaignId, request.HttpContext.RequestAborted);
        var entries = VoucherImport.Parse(await RequestBody.ReadNodeAsync(request, RequestBody.BulkLimit));
        var action = await actions.StartAsync(request.Project(), AsyncActionTypes.CampaignVouchersImport, CampaignVoucherImport.Payload(campaign.Id, entries), request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return Api.Accepted(new AsyncActionAccepted(action.Id));
    }

    /// <summary>Not in the contract's path list, a convenience equal to GET /v1/vouchers?campaign_id=.</summary>
    [Function("ListCampaignVouchers")]
    public async Task<IActionResult> ListVouchers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/campaigns/{campaignId}/vouchers")] HttpRequest request, string campaignId)
    {
        var campaign = await campaigns.GetAsync(request.Project(), campaignId, request.HttpContext.RequestAborted);
        var query = new VoucherListQuery(QueryReader.Paging(request, maxPage: 99)) { CampaignId = campaign.Id, Order = QueryReader.Text(request, "order") ?? "-created_at" };
        var page = await vouchers.ListAsync(request.Project(), query, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("vouchers", page.Items.Select(v => presenter.Show(request, v)), page.Total));
    }
}
