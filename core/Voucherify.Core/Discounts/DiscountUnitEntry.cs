namespace Voucherify.Core.Discounts;

/// <summary>One entry of an ADD_MANY_ITEMS discount's <c>units[]</c>: its own count, product and effect.</summary>
public sealed record DiscountUnitEntry
{
    public decimal? UnitOff { get; init; }

    public string? UnitOffFormula { get; init; }

    public string? Effect { get; init; }

    public string? UnitType { get; init; }

    public DiscountProduct? Product { get; init; }

    public DiscountSku? Sku { get; init; }
}
