namespace Voucherify.Core.Discounts;

/// <summary>
/// The caps an <c>applicable_to</c> entry puts on the lines it matches (SEMANTICS R7.2), and the new unit price
/// for FIXED on items (R4.2). Lines handed the same instance share its aggregated limits, so one instance stands
/// for one entry; two entries with equal values are still two instances.
/// </summary>
public sealed record ApplicableItemRule
{
    /// <summary>Every line, no caps: what a discount without applicable_to rules uses.</summary>
    public static ApplicableItemRule Unlimited { get; } = new();

    /// <summary>Units per line.</summary>
    public long? QuantityLimit { get; init; }

    /// <summary>Units across all lines this entry matches.</summary>
    public long? AggregatedQuantityLimit { get; init; }

    /// <summary>Discount per line, in minor units.</summary>
    public long? AmountLimit { get; init; }

    /// <summary>Discount across all lines this entry matches, in minor units.</summary>
    public long? AggregatedAmountLimit { get; init; }

    /// <summary>The new unit price for FIXED APPLY_TO_ITEMS (the entry's <c>price</c>, or its evaluated <c>price_formula</c>).</summary>
    public long? Price { get; init; }
}
