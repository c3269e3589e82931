using Voucherify.Core.Errors;

namespace Voucherify.Core.Discounts;

/// <summary>
/// The values a calculation needs. A discount defined only by a formula must have been evaluated into a
/// value before it is applied; reaching here without one is a request that cannot be priced.
/// </summary>
internal static class Resolved
{
    public static long AmountOff(Discount discount) => discount.AmountOff ?? throw Unresolved("amount_off");

    public static decimal PercentOff(Discount discount) => discount.PercentOff ?? throw Unresolved("percent_off");

    public static long FixedAmount(Discount discount) => discount.FixedAmount ?? throw Unresolved("fixed_amount");

    public static long UnitOff(decimal? unitOff) => unitOff is { } units ? (long)units : throw Unresolved("unit_off");

    private static Exception Unresolved(string field) =>
        Problems.InvalidPayload($"discount.{field} has no value: its formula could not be evaluated and no fallback value is set.");
}
