using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>
/// UNIT discounts (SEMANTICS §5): free units of a product, added to the cart when needed. Added units raise the
/// order amount; the discount is the granted units at the line's unit price, an item-level discount.
/// </summary>
internal static class UnitDiscount
{
    /// <summary>Free shipping is never priced from the catalog: it is added as a bare line with a zero discount.</summary>
    public const string FreeShipping = "prod_5h1pp1ng";

    public static OrderCalculated Apply(Discount discount, string effect, OrderCalculated order, Func<string, CatalogItem?>? catalogLookup) =>
        UnitGrant.Of(discount, effect).Aggregate(order, (current, grant) => Grant(current, grant, catalogLookup));

    private static OrderCalculated Grant(OrderCalculated order, UnitGrant grant, Func<string, CatalogItem?>? catalogLookup)
    {
        var index = FindLine(order.Items, grant.UnitType);
        if (index < 0 && grant.Units == 0)
        {
            return order;
        }

        var catalog = index < 0 && grant.UnitType != FreeShipping ? catalogLookup?.Invoke(grant.UnitType) : null;
        var line = index < 0 ? NewLine(grant, catalog) : order.Items[index];
        var added = grant.UnitsToAdd(line.Quantity ?? 0);
        var grown = Grow(line, added);
        var items = order.Items.ToList();
        if (index < 0)
        {
            items.Add(grown);
        }
        else
        {
            items[index] = grown;
        }

        var enlarged = Enlarge(order, items, checked((grown.Amount ?? 0) - (line.Amount ?? 0)));
        return DiscountLine(enlarged, index < 0 ? items.Count - 1 : index, grant.Units);
    }

    /// <summary>A cart line is the free product when its SKU is the unit type, or it has no SKU and its product is.</summary>
    private static int FindLine(IReadOnlyList<OrderItemCalculated> items, string unitType)
    {
        for (var index = 0; index < items.Count; index++)
        {
            var sku = items[index].SkuId ?? items[index].Sku?.Id;
            if (sku == unitType || (sku is null && (items[index].ProductId ?? items[index].Product?.Id) == unitType))
            {
                return index;
            }
        }

        return -1;
    }

    private static OrderItemCalculated NewLine(UnitGrant grant, CatalogItem? catalog)
    {
        var isSku = grant.UnitType.StartsWith("sku_", StringComparison.Ordinal) || catalog?.SkuId == grant.UnitType;
        return new OrderItemCalculated
        {
            ProductId = isSku ? catalog?.ProductId ?? grant.Product?.Id : grant.UnitType,
            SkuId = isSku ? grant.UnitType : null,
            Quantity = 0,
            Price = catalog?.Price,
            Amount = catalog?.Price is null ? null : 0,
            Product = catalog?.Product ?? ProductOf(grant.Product),
            Sku = catalog?.Sku ?? SkuOf(grant.Sku),
        };
    }

    /// <summary>The initial_* fields keep the line as it was before any UNIT effect: 0 for a line created here.</summary>
    private static OrderItemCalculated Grow(OrderItemCalculated line, long added) => line with
    {
        InitialQuantity = line.InitialQuantity ?? line.Quantity,
        InitialAmount = line.InitialAmount ?? line.Amount,
        Quantity = checked((line.Quantity ?? 0) + added),
        Amount = line.Amount is { } amount && line.Price is { } price ? checked(amount + (price * added)) : line.Amount,
    };

    /// <summary>R1.3: added units are added to the order amount; initial_amount remembers the amount before.</summary>
    private static OrderCalculated Enlarge(OrderCalculated order, List<OrderItemCalculated> items, long addedAmount) =>
        addedAmount == 0
            ? order with { Items = items }
            : order with
            {
                Items = items,
                InitialAmount = order.InitialAmount ?? order.Amount ?? 0,
                Amount = checked((order.Amount ?? 0) + addedAmount),
            };

    private static OrderCalculated DiscountLine(OrderCalculated order, int index, long units)
    {
        var line = order.Items[index];
        var value = line.Price is { } price && line.SubtotalAmount is { } subtotal
            ? Money.Min(checked(units * price), Money.NotNegative(subtotal), Money.NotNegative(order.TotalAmount ?? 0))
            : 0;
        var items = order.Items.ToArray();
        items[index] = line with
        {
            DiscountQuantity = checked(line.DiscountQuantity + units),
            DiscountAmount = checked(line.DiscountAmount + value),
        };
        return order with { Items = items };
    }

    private static OrderItemProduct? ProductOf(DiscountProduct? product) =>
        product is null ? null : new OrderItemProduct { Id = product.Id, SourceId = product.SourceId, Name = product.Name };

    private static OrderItemSku? SkuOf(DiscountSku? sku) =>
        sku is null ? null : new OrderItemSku { Id = sku.Id, SourceId = sku.SourceId, Sku = sku.Sku ?? sku.Name };
}
