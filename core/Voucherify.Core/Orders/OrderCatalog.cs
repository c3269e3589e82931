using System.Text.Json.Nodes;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Orders;

/// <summary>
/// Reads the catalog entries an order's lines name (SKU first, then product; by id, or by source_id with
/// related_object), so the pure order normalisation can price lines sent without a price.
/// </summary>
public sealed class OrderCatalog(SourcedDocuments documents)
{
    public async Task<Func<OrderItemRequest, CatalogItem?>> LoadAsync(Project project, IReadOnlyList<OrderItemRequest?> items, CancellationToken cancellationToken)
    {
        var found = new Dictionary<OrderItemRequest, CatalogItem>(ReferenceEqualityComparer.Instance);
        foreach (var item in items.OfType<OrderItemRequest>().Where(i => i.Price is null || i.Product is null))
        {
            if (await ResolveAsync(project, item, cancellationToken) is { } entry)
            {
                found[item] = entry;
            }
        }

        return item => found.GetValueOrDefault(item);
    }

    private async Task<CatalogItem?> ResolveAsync(Project project, OrderItemRequest item, CancellationToken cancellationToken)
    {
        var skuRef = item.SkuId ?? (item.RelatedObject == "sku" ? item.SourceId : null);
        var productRef = item.ProductId ?? (item.RelatedObject != "sku" ? item.SourceId : null);
        var sku = skuRef is null ? null : await documents.FindAsync(project, SkuKeys.Sourced, skuRef, cancellationToken);
        productRef ??= Text(sku?.Body, "product_id");
        var product = productRef is null ? null : await documents.FindAsync(project, ProductKeys.Sourced, productRef, cancellationToken);
        if (sku is null && product is null)
        {
            return null;
        }

        return new CatalogItem
        {
            ProductId = product?.Key.Id,
            SkuId = sku?.Key.Id,
            Price = Price(sku?.Body) ?? Price(product?.Body),
            Product = product is null ? null : new OrderItemProduct
            {
                Id = product.Key.Id,
                SourceId = Text(product.Body, "source_id"),
                Name = Text(product.Body, "name"),
                Price = Price(product.Body),
                Metadata = product.Body["metadata"]?.DeepClone() as JsonObject,
            },
            Sku = sku is null ? null : new OrderItemSku
            {
                Id = sku.Key.Id,
                SourceId = Text(sku.Body, "source_id"),
                Sku = Text(sku.Body, "sku"),
                Price = Price(sku.Body),
                Metadata = sku.Body["metadata"]?.DeepClone() as JsonObject,
            },
        };
    }

    private static long? Price(JsonObject? body) => body?["price"] is JsonValue value && value.TryGetValue<long>(out var price) ? price : null;

    private static string? Text(JsonObject? body, string name) => body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
