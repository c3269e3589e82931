using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Products;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Products;

/// <summary>/v1/products: upsert, read, update, delete (with the SKUs) and list.</summary>
public sealed class ProductFunctions(ProductService products)
{
    [Function("ListProducts")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/products")] HttpRequest request) =>
        Api.Ok(await products.ListAsync(request.Project(), CatalogQuery(request), request.HttpContext.RequestAborted));

    [Function("CreateProduct")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/products")] HttpRequest request) =>
        Api.Ok(await products.UpsertAsync(request.Project(), await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted));

    [Function("GetProduct")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/products/{productId}")] HttpRequest request, string productId) =>
        Api.Ok(await products.GetAsync(request.Project(), productId, request.HttpContext.RequestAborted));

    [Function("UpdateProduct")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/products/{productId}")] HttpRequest request, string productId) =>
        Api.Ok(await products.UpdateAsync(request.Project(), productId, await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted));

    [Function("DeleteProduct")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/products/{productId}")] HttpRequest request, string productId)
    {
        QueryReader.Flag(request, "force");
        await products.DeleteAsync(request.Project(), productId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }

    public static CatalogListQuery CatalogQuery(HttpRequest request) => new(QueryReader.Paging(request))
    {
        StartDate = QueryReader.Date(request, "start_date"),
        EndDate = QueryReader.Date(request, "end_date"),
        Order = QueryReader.Text(request, "order") ?? "-created_at",
    };
}
