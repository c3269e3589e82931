using System.Text.Json.Nodes;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Products;

/// <summary>
/// Products: upsert by id or source_id, read (with its SKUs), partial update, delete (with its SKUs), list.
/// The stored body is the wire product without its SKUs, which are documents of their own.
/// </summary>
public sealed class ProductService(IDocumentStore store, SourcedDocuments documents)
{
    private const int ShownSkus = 100;

    public async Task<JsonObject> UpsertAsync(Project project, JsonObject raw, CancellationToken cancellationToken)
    {
        var request = CatalogQueries.BindPriced<ProductRequest>(raw, r => r.Price);
        var changes = WireChanges.Of(raw, request, ProductRequest.Fields);
        var document = await documents.UpsertAsync(project, ProductKeys.Sourced, request.Id, request.SourceId, current => Shape(current, changes), cancellationToken);
        return await ShowAsync(project, document.Body, cancellationToken);
    }

    public async Task<JsonObject> GetAsync(Project project, string idOrSource, CancellationToken cancellationToken) =>
        await ShowAsync(project, (await documents.GetAsync(project, ProductKeys.Sourced, idOrSource, cancellationToken)).Body, cancellationToken);

    public async Task<JsonObject> UpdateAsync(Project project, string idOrSource, JsonObject raw, CancellationToken cancellationToken)
    {
        var changes = WireChanges.Of(raw, CatalogQueries.BindPriced<ProductRequest>(raw, r => r.Price), ProductRequest.Fields);
        var document = await documents.UpdateAsync(project, ProductKeys.Sourced, idOrSource, current => Shape(current, changes), cancellationToken);
        return await ShowAsync(project, document.Body, cancellationToken);
    }

    /// <summary>Deletes the SKUs first, so a delete cut short leaves a product that a repeated delete finishes, never orphan SKUs.</summary>
    public async Task DeleteAsync(Project project, string idOrSource, CancellationToken cancellationToken)
    {
        var product = await documents.GetAsync(project, ProductKeys.Sourced, idOrSource, cancellationToken);
        var query = SkusOf(project, product.Key.Id);
        while (true)
        {
            var page = await store.QueryAsync(query with { PageSize = 100 }, cancellationToken);
            foreach (var sku in page.Items)
            {
                await documents.DeleteAsync(project, SkuKeys.Sourced, sku, cancellationToken);
            }

            if (page.Continuation is null)
            {
                break;
            }
        }

        await documents.DeleteAsync(project, ProductKeys.Sourced, product, cancellationToken);
    }

    public async Task<JsonObject> ListAsync(Project project, CatalogListQuery query, CancellationToken cancellationToken)
    {
        var page = await PageReader.ReadAsync<JsonObject>(store, CatalogQueries.From(project, ProductKeys.Kind, query), query.Paging, cancellationToken);
        return WireList.Of("products", page.Items, page.Total);
    }

    public static DocumentQuery SkusOf(Project project, string productId) =>
        new(project.Id, SkuKeys.Kind) { Where = [Condition.Eq("product_id", productId)], OrderBy = "created_at" };

    private async Task<JsonObject> ShowAsync(Project project, JsonObject body, CancellationToken cancellationToken)
    {
        var query = SkusOf(project, body["id"]!.GetValue<string>()) with { PageSize = ShownSkus };
        var skus = await store.QueryAsync(query, cancellationToken);
        var total = skus.Continuation is null ? skus.Items.Count : await store.CountAsync(query, cancellationToken);
        var shown = body.DeepClone().AsObject();
        shown.Remove("object");
        shown["skus"] = new JsonObject
        {
            ["object"] = "list",
            ["data_ref"] = "data",
            ["data"] = new JsonArray(skus.Items.Select(s => (JsonNode?)s.Body.DeepClone()).ToArray()),
            ["total"] = total,
        };
        shown["object"] = "product";
        return shown;
    }

    private static JsonObject Shape(JsonObject? current, JsonObject changes)
    {
        var next = WireChanges.Apply(current ?? new JsonObject { ["name"] = null, ["price"] = null, ["image_url"] = null }, changes);
        next["attributes"] ??= new JsonArray();
        next["metadata"] ??= new JsonObject();
        next["object"] = "product";
        return next;
    }
}
