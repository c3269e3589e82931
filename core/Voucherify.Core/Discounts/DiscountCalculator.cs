using Voucherify.Core.Errors;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>
/// Applies one discount to an order that may already carry discounts (SEMANTICS §1–§5). Pure: no I/O, the
/// input order is not changed. Stacking applies redeemables one after another through this.
/// </summary>
public static class DiscountCalculator
{
    public static DiscountOutcome Apply(Discount discount, OrderCalculated current) =>
        Apply(discount, current, DiscountOptions.Default);

    /// <summary>Only the lines <paramref name="isApplicable"/> accepts are touched by item effects, without caps.</summary>
    public static DiscountOutcome Apply(Discount discount, OrderCalculated current, Func<OrderItemCalculated, bool> isApplicable) =>
        Apply(discount, current, new DiscountOptions
        {
            ItemRule = (item, _) => isApplicable(item) ? ApplicableItemRule.Unlimited : null,
        });

    public static DiscountOutcome Apply(Discount discount, OrderCalculated current, DiscountOptions options)
    {
        discount.Validate();
        var effect = EffectOf(discount, options.RulesTargetProducts);
        try
        {
            return new DiscountOutcome(Calculate(discount, effect, current, options).WithAppliedSince(current), effect);
        }
        catch (OverflowException)
        {
            throw Problems.InvalidPayload("order amounts are too large to calculate the discount.");
        }
    }

    /// <summary>The effect a discount applies with: its own, else the default of SEMANTICS §5.</summary>
    public static string EffectOf(Discount discount, bool rulesTargetProducts) =>
        discount.Effect
        ?? (discount.Type == DiscountTypes.Unit && discount.Units is not null
            ? DiscountEffects.AddManyItems
            : DiscountEffects.DefaultFor(discount.Type, rulesTargetProducts));

    private static OrderCalculated Calculate(Discount discount, string effect, OrderCalculated current, DiscountOptions options) =>
        effect switch
        {
            DiscountEffects.ApplyToOrder => OrderLevelDiscount.Apply(discount, current, options.Mode),
            DiscountEffects.AddMissingItems or DiscountEffects.AddNewItems or DiscountEffects.AddManyItems =>
                UnitDiscount.Apply(discount, effect, current, options.CatalogLookup),
            _ => ItemLevelDiscount.Apply(discount, effect, current, options),
        };
}
