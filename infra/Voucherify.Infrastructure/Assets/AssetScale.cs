namespace Voucherify.Infrastructure.Assets;

/// <summary>
/// The contract's size parameter (1..100) is a scale: pixels per module. It is capped so that an
/// image stays within <see cref="MaxSide"/> pixels, because a public link must not let anyone make
/// the service paint a hundred megapixels for a long code.
/// </summary>
public static class AssetScale
{
    public const int Min = 1;
    public const int Max = 100;
    public const int Default = 5;
    public const int MaxSide = 4096;

    public static int For(int size, int modules)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Max);
        return Math.Max(1, Math.Min(size, MaxSide / Math.Max(1, modules)));
    }
}
