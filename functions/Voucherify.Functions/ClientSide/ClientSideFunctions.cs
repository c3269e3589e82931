using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Validations;
using Voucherify.Functions.Http;
using Voucherify.Functions.Vouchers;

namespace Voucherify.Functions.ClientSide;

/// <summary>
/// The client-side API that browsers and apps call with client keys: the legacy single-code
/// validate (GET, context in the query) and redeem. Same services as the server endpoints.
/// </summary>
public sealed class ClientSideFunctions(ValidationService validations, RedemptionService redemptions, VoucherPresenter presenter)
{
    [Function("ClientValidate")]
    public async Task<IActionResult> Validate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "client/v1/validate")] HttpRequest request)
    {
        var code = QueryReader.Text(request, "code") ?? throw Problems.MissingParam("code is required.");
        var body = new VoucherValidationRequest
        {
            Order = new OrderRequest { Amount = QueryReader.Integer(request, "amount") },
            Customer = Customer(request),
            TrackingId = QueryReader.Text(request, "tracking_id"),
        };
        return Api.Ok(await validations.ValidateAsync(request.Project(), code, body, request.HttpContext.RequestId(), request.HttpContext.RequestAborted));
    }

    [Function("ClientRedeem")]
    public async Task<IActionResult> Redeem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "client/v1/redeem")] HttpRequest request)
    {
        var code = QueryReader.Text(request, "code") ?? throw Problems.MissingParam("code is required.");
        var body = await RequestBody.ReadOptionalAsync<VoucherValidationRequest>(request);
        var tracked = body with { TrackingId = QueryReader.Text(request, "tracking_id") ?? body.TrackingId };
        Redemption redemption = await redemptions.RedeemAsync(request.Project(), code, tracked, request.HttpContext.RequestId(), request.HttpContext.RequestAborted);
        return Api.Ok(presenter.Show(request, redemption));
    }

    private static JsonObject? Customer(HttpRequest request)
    {
        var id = QueryReader.Text(request, "customer[id]") ?? QueryReader.Text(request, "customer");
        var sourceId = QueryReader.Text(request, "customer[source_id]");
        if (id is null && sourceId is null)
        {
            return null;
        }

        var customer = new JsonObject();
        if (id is not null)
        {
            customer["id"] = id;
        }

        if (sourceId is not null)
        {
            customer["source_id"] = sourceId;
        }

        return customer;
    }
}
