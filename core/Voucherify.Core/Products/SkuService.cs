using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Products;

/// <summary>SKUs of a product: upsert by id or source_id under the product, read by id or source_id, update, delete, list.</summary>
public sealed class SkuService(IDocumentStore store, SourcedDocuments documents)
{
    public async Task<JsonObject> UpsertAsync(Project project, string productIdOrSource, JsonObject raw, CancellationToken cancellationToken)
    {
        var productId = await ProductIdAsync(project, productIdOrSource, cancellationToken);
        var request = CatalogQueries.BindPriced<SkuRequest>(raw, r => r.Price);
        var changes = WireChanges.Of(raw, request, SkuRequest.Fields);
        var document = await documents.UpsertAsync(project, SkuKeys.Sourced, request.Id, request.SourceId, current => Shape(current, productId, changes), cancellationToken);
        return document.Body;
    }

    /// <summary>GET /v1/skus/{skuId}: any SKU of the project, by id or source_id.</summary>
    public async Task<JsonObject> GetAsync(Project project, string idOrSource, CancellationToken cancellationToken) =>
        (await documents.GetAsync(project, SkuKeys.Sourced, idOrSource, cancellationToken)).Body;

    public async Task<JsonObject> UpdateAsync(Project project, string productIdOrSource, string idOrSource, JsonObject raw, CancellationToken cancellationToken)
    {
        var document = await OfProductAsync(project, productIdOrSource, idOrSource, cancellationToken);
        var changes = WireChanges.Of(raw, CatalogQueries.BindPriced<SkuRequest>(raw, r => r.Price), SkuRequest.Fields);
        var productId = document.Body["product_id"]!.GetValue<string>();
        return (await documents.UpdateAsync(project, SkuKeys.Sourced, document.Key.Id, current => Shape(current, productId, changes), cancellationToken)).Body;
    }

    public async Task DeleteAsync(Project project, string productIdOrSource, string idOrSource, CancellationToken cancellationToken) =>
        await documents.DeleteAsync(project, SkuKeys.Sourced, await OfProductAsync(project, productIdOrSource, idOrSource, cancellationToken), cancellationToken);

    public async Task<JsonObject> ListAsync(Project project, string productIdOrSource, CatalogListQuery query, CancellationToken cancellationToken)
    {
        var productId = await ProductIdAsync(project, productIdOrSource, cancellationToken);
        var documentQuery = CatalogQueries.From(project, SkuKeys.Kind, query, Condition.Eq("product_id", productId));
        var page = await PageReader.ReadAsync<JsonObject>(store, documentQuery, query.Paging, cancellationToken);
        return WireList.Of("skus", page.Items, page.Total);
    }

    /// <summary>A SKU addressed under a product must be that product's: another product's SKU is not found there.</summary>
    private async Task<StoredDocument> OfProductAsync(Project project, string productIdOrSource, string idOrSource, CancellationToken cancellationToken)
    {
        var productId = await ProductIdAsync(project, productIdOrSource, cancellationToken);
        var document = await documents.GetAsync(project, SkuKeys.Sourced, idOrSource, cancellationToken);
        return document.Body["product_id"]?.GetValue<string>() == productId ? document : throw Problems.NotFound("sku", idOrSource);
    }

    private async Task<string> ProductIdAsync(Project project, string productIdOrSource, CancellationToken cancellationToken) =>
        (await documents.GetAsync(project, ProductKeys.Sourced, productIdOrSource, cancellationToken)).Key.Id;

    private static JsonObject Shape(JsonObject? current, string productId, JsonObject changes)
    {
        if (current?["product_id"]?.GetValue<string>() is { } owner && owner != productId)
        {
            throw Problems.InvalidPayload($"The SKU {current["id"]} belongs to product {owner}, not {productId}.");
        }

        var next = WireChanges.Apply(current ?? new JsonObject { ["sku"] = null, ["price"] = null, ["currency"] = null, ["image_url"] = null }, changes);
        next["product_id"] = productId;
        next["attributes"] ??= new JsonObject();
        next["metadata"] ??= new JsonObject();
        next["object"] = "sku";
        return next;
    }
}
