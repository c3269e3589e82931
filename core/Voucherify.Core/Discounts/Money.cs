namespace Voucherify.Core.Discounts;

/// <summary>Arithmetic on minor units shared by the discount effects.</summary>
internal static class Money
{
    /// <summary>SEMANTICS R3.3 (PROPOSAL): decimal, half away from zero, once per line; banker's rounding would give 292 for 292.5.</summary>
    public static long Percent(decimal percent, decimal of) =>
        (long)Math.Round(percent * of / 100m, MidpointRounding.AwayFromZero);

    public static long Min(long value, params ReadOnlySpan<long?> caps)
    {
        foreach (var cap in caps)
        {
            if (cap is { } limit && limit < value)
            {
                value = limit;
            }
        }

        return value;
    }

    public static long NotNegative(long value) => Math.Max(0, value);
}
