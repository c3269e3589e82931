namespace Voucherify.Core.Discounts;

/// <summary>One free-unit instruction: a single UNIT discount, or one entry of ADD_MANY_ITEMS.</summary>
internal sealed record UnitGrant(long Units, string UnitType, string Effect, DiscountProduct? Product, DiscountSku? Sku)
{
    public static IEnumerable<UnitGrant> Of(Discount discount, string effect) =>
        effect == DiscountEffects.AddManyItems
            ? discount.Units!.Select(entry => new UnitGrant(
                Resolved.UnitOff(entry.UnitOff), entry.UnitType!, entry.Effect ?? DiscountEffects.AddMissingItems, entry.Product, entry.Sku))
            : [new UnitGrant(Resolved.UnitOff(discount.UnitOff), discount.UnitType!, effect, discount.Product, discount.Sku)];

    /// <summary>ADD_MISSING_ITEMS tops the cart up to the granted count; ADD_NEW_ITEMS always adds it (R5.2, R5.3).</summary>
    public long UnitsToAdd(long held) =>
        Effect == DiscountEffects.AddNewItems ? Units : Math.Max(0, Units - held);
}
