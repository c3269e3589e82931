using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Lists;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Http;
using Voucherify.Functions.Vouchers;

namespace Voucherify.Functions.Redemptions;

/// <summary>Redeem a voucher, read redemptions, roll one back.</summary>
public sealed class RedemptionFunctions(
    RedemptionService redemptions,
    RedemptionQueries queries,
    RollbackService rollbacks,
    VoucherService vouchers,
    VoucherPresenter presenter)
{
    [Function("RedeemVoucher")]
    public async Task<IActionResult> Redeem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vouchers/{code}/redemption")] HttpRequest request, string code)
    {
        var body = await RequestBody.ReadOptionalAsync<VoucherValidationRequest>(request);
        var redemption = await redemptions.RedeemAsync(request.Project(), code, body, request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, redemption));
    }

    [Function("GetVoucherRedemptions")]
    public async Task<IActionResult> ForVoucher([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/vouchers/{code}/redemption")] HttpRequest request, string code)
    {
        var voucher = await vouchers.GetAsync(request.Project(), code, request.HttpContext.RequestAborted);
        var summary = await queries.ForVoucherAsync(request.Project(), voucher, request.HttpContext.RequestAborted);
        return Api.Ok(summary with { RedemptionEntries = summary.RedemptionEntries.Select(r => presenter.Show(request, r)).ToList() });
    }

    [Function("ListRedemptions")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/redemptions")] HttpRequest request)
    {
        var (filters, junction) = QueryReader.Filters(request);
        var query = new RedemptionListQuery(QueryReader.Paging(request, maxPage: 99))
        {
            Results = QueryReader.List(request, "result"),
            CampaignName = QueryReader.Text(request, "campaign"),
            Customer = QueryReader.Text(request, "customer"),
            CreatedAt = QueryReader.Dates(request, "created_at"),
            Filters = filters,
            Junction = junction,
            Order = QueryReader.Text(request, "order") ?? "-created_at",
        };
        var page = await queries.ListAsync(request.Project(), query, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("redemptions", page.Items.Select(r => presenter.Show(request, r)), page.Total));
    }

    [Function("GetRedemption")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/redemptions/{redemptionId}")] HttpRequest request, string redemptionId) =>
        Api.Ok(presenter.Show(request, await queries.GetAsync(request.Project(), redemptionId, request.HttpContext.RequestAborted)));

    [Function("RollbackRedemption")]
    public async Task<IActionResult> Rollback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/redemptions/{redemptionId}/rollback")] HttpRequest request, string redemptionId)
    {
        var body = await RequestBody.ReadOptionalAsync<RollbackRequest>(request);
        var merged = body with
        {
            Reason = QueryReader.Text(request, "reason") ?? body.Reason,
            TrackingId = QueryReader.Text(request, "tracking_id") ?? body.TrackingId,
        };
        var rollback = await rollbacks.RollbackAsync(request.Project(), redemptionId, merged, request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, rollback));
    }
}
