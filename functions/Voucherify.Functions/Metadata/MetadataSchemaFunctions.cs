using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Metadata;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Metadata;

/// <summary>/v1/metadata-schemas: the contract's list and read, plus create, replace and delete (our extension, docs/CHOICES.md).</summary>
public sealed class MetadataSchemaFunctions(MetadataSchemaService schemas)
{
    [Function("ListMetadataSchemas")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/metadata-schemas")] HttpRequest request) =>
        Api.Ok(await schemas.ListAsync(request.Project(), request.HttpContext.RequestAborted));

    [Function("CreateMetadataSchema")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/metadata-schemas")] HttpRequest request) =>
        Api.Ok(await schemas.CreateAsync(request.Project(), await RequestBody.ReadAsync<MetadataSchema>(request), request.HttpContext.RequestAborted));

    [Function("GetMetadataSchema")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/metadata-schemas/{resource}")] HttpRequest request, string resource) =>
        Api.Ok(await schemas.GetAsync(request.Project(), resource, request.HttpContext.RequestAborted));

    [Function("ReplaceMetadataSchema")]
    public async Task<IActionResult> Replace([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/metadata-schemas/{resource}")] HttpRequest request, string resource) =>
        Api.Ok(await schemas.ReplaceAsync(request.Project(), resource, await RequestBody.ReadAsync<MetadataSchema>(request), request.HttpContext.RequestAborted));

    [Function("DeleteMetadataSchema")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/metadata-schemas/{resource}")] HttpRequest request, string resource)
    {
        await schemas.DeleteAsync(request.Project(), resource, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }
}
