namespace Voucherify.Core.Discounts;

/// <summary>The contract's discount <c>type</c> values.</summary>
public static class DiscountTypes
{
    public const string Amount = "AMOUNT";
    public const string Percent = "PERCENT";
    public const string Fixed = "FIXED";
    public const string Unit = "UNIT";

    public static IReadOnlyList<string> All { get; } = [Amount, Percent, Fixed, Unit];
}
