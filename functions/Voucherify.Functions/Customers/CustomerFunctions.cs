using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Customers;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Customers;

/// <summary>/v1/customers: upsert, read, update, delete and list, each customer with its summary.</summary>
public sealed class CustomerFunctions(CustomerService customers)
{
    [Function("ListCustomers")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/customers")] HttpRequest request)
    {
        var query = new CustomerListQuery(QueryReader.Paging(request, maxPage: 99))
        {
            Email = QueryReader.Text(request, "email"),
            City = QueryReader.Text(request, "city"),
            Name = QueryReader.Text(request, "name"),
            SegmentId = QueryReader.Text(request, "segment_id"),
            CreatedAt = QueryReader.Dates(request, "created_at"),
            UpdatedAt = QueryReader.Dates(request, "updated_at"),
            StartingAfter = QueryReader.Date(request, "starting_after"),
            Order = QueryReader.Text(request, "order") ?? "-created_at",
        };
        return Api.Ok(await customers.ListAsync(request.Project(), query, request.HttpContext.RequestAborted));
    }

    [Function("CreateCustomer")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/customers")] HttpRequest request)
    {
        var body = await RequestBody.ReadAsync<JsonObject>(request);
        var stored = await customers.UpsertAsync(request.Project(), body, request.HttpContext.RequestAborted);
        return Api.Ok(await customers.ShowAsync(request.Project(), stored.Body, request.HttpContext.RequestAborted));
    }

    [Function("GetCustomer")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/customers/{customerId}")] HttpRequest request, string customerId) =>
        Api.Ok(await customers.GetAsync(request.Project(), customerId, request.HttpContext.RequestAborted));

    [Function("UpdateCustomer")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/customers/{customerId}")] HttpRequest request, string customerId)
    {
        var body = await RequestBody.ReadAsync<JsonObject>(request);
        return Api.Ok(await customers.UpdateAsync(request.Project(), customerId, body, request.HttpContext.RequestAborted));
    }

    [Function("DeleteCustomer")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/customers/{customerId}")] HttpRequest request, string customerId)
    {
        await customers.DeleteAsync(request.Project(), customerId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }
}
