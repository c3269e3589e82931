using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Collections;
using Voucherify.Core.Lists;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.ProductCollections;

/// <summary>/v1/product-collections: create, read, delete, list, and a collection's products.</summary>
public sealed class ProductCollectionFunctions(ProductCollectionService collections)
{
    [Function("ListProductCollections")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/product-collections")] HttpRequest request)
    {
        var order = QueryReader.Text(request, "order") ?? "-created_at";
        var page = await collections.ListAsync(request.Project(), QueryReader.Paging(request), order, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("data", page.Items, page.Total));
    }

    [Function("CreateProductCollection")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/product-collections")] HttpRequest request) =>
        Api.Ok(await collections.CreateAsync(request.Project(), await RequestBody.ReadAsync<ProductCollectionRequest>(request), request.HttpContext.RequestAborted));

    [Function("GetProductCollection")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/product-collections/{productCollectionId}")] HttpRequest request, string productCollectionId) =>
        Api.Ok(await collections.GetAsync(request.Project(), productCollectionId, request.HttpContext.RequestAborted));

    [Function("DeleteProductCollection")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/product-collections/{productCollectionId}")] HttpRequest request, string productCollectionId)
    {
        await collections.DeleteAsync(request.Project(), productCollectionId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }

    [Function("ListProductCollectionProducts")]
    public async Task<IActionResult> Products([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/product-collections/{productCollectionId}/products")] HttpRequest request, string productCollectionId)
    {
        var page = await collections.ProductsAsync(request.Project(), productCollectionId, QueryReader.Paging(request), request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("data", page.Items, page.Total));
    }
}
