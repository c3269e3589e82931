using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>What the calculation needs from outside the discount: which lines it may touch, catalog prices, the calculation mode.</summary>
public sealed record DiscountOptions
{
    public static DiscountOptions Default { get; } = new();

    /// <summary>
    /// The rule entry matching a line (given with its position in the order), or null when the line is not applicable.
    /// Left null, every line is applicable without caps.
    /// </summary>
    public Func<OrderItemCalculated, int, ApplicableItemRule?>? ItemRule { get; init; }

    /// <summary>Whether the validation rules include or exclude products; decides the default effect (SEMANTICS §5).</summary>
    public bool RulesTargetProducts { get; init; }

    /// <summary>The catalog entry for a product or SKU id, for free units that are not in the cart.</summary>
    public Func<string, CatalogItem?>? CatalogLookup { get; init; }

    public CalculationMode Mode { get; init; } = CalculationMode.Discounted;

    internal ApplicableItemRule? RuleFor(OrderItemCalculated item, int index) =>
        ItemRule is null ? ApplicableItemRule.Unlimited : ItemRule(item, index);
}
