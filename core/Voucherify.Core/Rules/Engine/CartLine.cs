using System.Text.Json.Nodes;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// An order line resolved against the catalog: its product and SKU ids (from the request, or through source ids),
/// the stored product and SKU bodies when they exist, and the collections it belongs to.
/// </summary>
public sealed record CartLine(OrderItemCalculated Item, string? ProductId, string? SkuId, JsonObject? Product, JsonObject? Sku, IReadOnlySet<string> Collections)
{
    public long Quantity => Item.Quantity ?? 1;

    public long? Amount => Item.Amount;

    /// <summary>The unit price: the line's price, else its amount per unit.</summary>
    public long? UnitPrice => Item.Price ?? (Item.Amount is { } amount && Quantity > 0 ? amount / Quantity : null);

    /// <summary>A product reference matches the product and its SKUs; a SKU reference only that SKU; a collection its members.</summary>
    public bool Matches(string objectType, string id) => objectType switch
    {
        "sku" => SkuId == id,
        "products_collection" => Collections.Contains(id),
        _ => ProductId == id,
    };

    public bool MatchesAny(IReadOnlyList<RuleValue> references)
    {
        foreach (var reference in references)
        {
            if (reference.Kind == RuleValueKind.Reference && Matches(reference.ReferenceObject!, reference.Text!))
            {
                return true;
            }
        }

        return false;
    }
}
