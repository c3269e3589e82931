using Voucherify.Core.Vouchers.Assets;

namespace Voucherify.Infrastructure.Assets;

/// <summary>Draws a voucher code as the image behind assets.qr.url or assets.barcode.url.</summary>
public sealed class AssetRenderer
{
    /// <param name="size">1..100, pixels per module (capped so no side exceeds <see cref="AssetScale.MaxSide"/>).</param>
    /// <exception cref="ArgumentException">The code cannot be drawn: Code 128 carries only non-empty ASCII.</exception>
    public RenderedAsset Render(AssetKind kind, string code, AssetFormat format, int size = AssetScale.Default) =>
        (kind, format) switch
        {
            (AssetKind.Qr, AssetFormat.Png) => QrRenderer.Png(code, size),
            (AssetKind.Qr, AssetFormat.Svg) => QrRenderer.Svg(code, size),
            (AssetKind.Barcode, AssetFormat.Png) => BarcodeRenderer.Png(code, size),
            (AssetKind.Barcode, AssetFormat.Svg) => BarcodeRenderer.Svg(code, size),
            _ => throw new ArgumentOutOfRangeException(nameof(format), $"No renderer for {kind} as {format}."),
        };
}
