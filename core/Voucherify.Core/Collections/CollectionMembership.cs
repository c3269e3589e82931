using System.Text.Json.Nodes;

namespace Voucherify.Core.Collections;

/// <summary>Whether a product (or one of its SKUs) belongs to a collection: listed in a STATIC one, or passing an AUTO_UPDATE filter.</summary>
public sealed class CollectionMembership(ProductCollection collection)
{
    private readonly CollectionFilter? filter = collection.Type == ProductCollection.AutoUpdate ? CollectionFilter.Parse(collection.Filter) : null;

    public string Id => collection.Id;

    public bool Contains(string? productId, string? skuId, JsonObject? product)
    {
        if (filter is not null)
        {
            return product is not null && filter.Matches(product);
        }

        foreach (var member in collection.Products ?? [])
        {
            if (member.Object == "sku" ? member.Id == skuId : member.Id == productId)
            {
                return true;
            }
        }

        return false;
    }
}
