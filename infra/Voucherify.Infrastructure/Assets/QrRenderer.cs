using QRCoder;

namespace Voucherify.Infrastructure.Assets;

/// <summary>QR codes with QRCoder's own PNG and SVG writers, which need no System.Drawing.</summary>
internal static class QrRenderer
{
    public static RenderedAsset Png(string code, int size)
    {
        var data = Encode(code);
        return new RenderedAsset(new PngByteQRCode(data).GetGraphic(Scale(data, size)), RenderedAsset.Png);
    }

    public static RenderedAsset Svg(string code, int size)
    {
        var data = Encode(code);
        var svg = new SvgQRCode(data).GetGraphic(Scale(data, size));
        return new RenderedAsset(System.Text.Encoding.UTF8.GetBytes(svg), RenderedAsset.Svg);
    }

    private static QRCodeData Encode(string code)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
    }

    private static int Scale(QRCodeData data, int size) => AssetScale.For(size, data.ModuleMatrix.Count);
}
