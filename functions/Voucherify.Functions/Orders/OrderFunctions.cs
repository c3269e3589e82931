using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Orders;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Orders;

/// <summary>/v1/orders: upsert, read, update and list.</summary>
public sealed class OrderFunctions(OrderService orders)
{
    [Function("ListOrders")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orders")] HttpRequest request) =>
        Api.Ok(await orders.ListAsync(request.Project(), QueryReader.Paging(request), QueryReader.Text(request, "order") ?? "-created_at", request.HttpContext.RequestAborted));

    [Function("CreateOrder")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/orders")] HttpRequest request) =>
        Api.Ok((await orders.UpsertAsync(request.Project(), await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted)).Body);

    [Function("GetOrder")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orders/{orderId}")] HttpRequest request, string orderId) =>
        Api.Ok(await orders.GetAsync(request.Project(), orderId, request.HttpContext.RequestAborted));

    [Function("UpdateOrder")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/orders/{orderId}")] HttpRequest request, string orderId) =>
        Api.Ok(await orders.UpdateAsync(request.Project(), orderId, await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted));
}
