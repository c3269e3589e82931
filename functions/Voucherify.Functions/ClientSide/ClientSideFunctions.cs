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
    private static readonly HashSet<string> ItemNumbers = ["quantity", "price", "amount"];

    [Function("ClientValidate")]
    public async Task<IActionResult> Validate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "client/v1/validate")] HttpRequest request)
    {
        var code = QueryReader.Text(request, "code") ?? throw Problems.MissingParam("code is required.");
        var body = new VoucherValidationRequest
        {
            Order = Order(request),
            Customer = Customer(request),
            Metadata = DeepObjectQuery.Read(request, "metadata") as JsonObject,
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

    /// <summary>The cart as the client SDK sends it on GET: amount, item[i][...] and order[metadata][...].</summary>
    private static OrderRequest Order(HttpRequest request)
    {
        var items = DeepObjectQuery.Read(request, "item", ItemNumbers);
        var order = DeepObjectQuery.Read(request, "order") as JsonObject;
        var node = new JsonObject
        {
            ["amount"] = QueryReader.Integer(request, "amount"),
            ["items"] = items is JsonArray array ? new JsonArray([.. array.Where(i => i is not null).Select(i => i!.DeepClone())]) : null,
            ["metadata"] = order?["metadata"]?.DeepClone(),
        };
        return RequestBody.Bind<OrderRequest>(node);
    }

    private static JsonObject? Customer(HttpRequest request)
    {
        if (DeepObjectQuery.Read(request, "customer") is JsonObject customer)
        {
            return customer;
        }

        return QueryReader.Text(request, "customer") is { } id ? new JsonObject { ["id"] = id } : null;
    }
}
