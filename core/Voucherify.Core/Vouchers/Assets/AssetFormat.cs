namespace Voucherify.Core.Vouchers.Assets;

/// <summary>The image formats an asset link serves (query format=png|svg, png by default).</summary>
public enum AssetFormat
{
    Png,
    Svg,
}
