using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Products;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Products;

/// <summary>/v1/products/{productId}/skus and /v1/skus/{skuId}.</summary>
public sealed class SkuFunctions(SkuService skus)
{
    [Function("ListSkus")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/products/{productId}/skus")] HttpRequest request, string productId) =>
        Api.Ok(await skus.ListAsync(request.Project(), productId, ProductFunctions.CatalogQuery(request), request.HttpContext.RequestAborted));

    [Function("CreateSku")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/products/{productId}/skus")] HttpRequest request, string productId) =>
        Api.Ok(await skus.UpsertAsync(request.Project(), productId, await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted));

    [Function("GetSku")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/skus/{skuId}")] HttpRequest request, string skuId) =>
        Api.Ok(await skus.GetAsync(request.Project(), skuId, request.HttpContext.RequestAborted));

    [Function("UpdateSku")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/products/{productId}/skus/{skuId}")] HttpRequest request, string productId, string skuId) =>
        Api.Ok(await skus.UpdateAsync(request.Project(), productId, skuId, await RequestBody.ReadAsync<JsonObject>(request), request.HttpContext.RequestAborted));

    [Function("DeleteSku")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/products/{productId}/skus/{skuId}")] HttpRequest request, string productId, string skuId)
    {
        QueryReader.Flag(request, "force");
        await skus.DeleteAsync(request.Project(), productId, skuId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }
}
