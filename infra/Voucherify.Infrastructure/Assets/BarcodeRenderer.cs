using System.Globalization;
using System.Text;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.OneD;

namespace Voucherify.Infrastructure.Assets;

/// <summary>
/// Code 128 barcodes: ZXing.Net lays out the bars (with the standard ten-module quiet zones), and
/// the bars are drawn here, to PNG with SkiaSharp and to SVG as rectangles. ZXing's own SVG writer
/// gives no width and height, so the size parameter would not size the image.
/// </summary>
internal static class BarcodeRenderer
{
    private const int BarHeightModules = 40;

    public static RenderedAsset Png(string code, int size)
    {
        var (bars, scale) = Layout(code, size);
        using var bitmap = new SKBitmap(new SKImageInfo(bars.Width * scale, BarHeightModules * scale, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(SKColors.White);
            foreach (var (start, length) in Runs(bars))
            {
                canvas.DrawRect(SKRect.Create(start * scale, 0, length * scale, bitmap.Height), ink);
            }
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new RenderedAsset(png.ToArray(), RenderedAsset.Png);
    }

    public static RenderedAsset Svg(string code, int size)
    {
        var (bars, scale) = Layout(code, size);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bars.Width} {BarHeightModules}" width="{bars.Width * scale}" height="{BarHeightModules * scale}" shape-rendering="crispEdges">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="0" width="{bars.Width}" height="{BarHeightModules}" fill="#FFF"/>""");
        foreach (var (start, length) in Runs(bars))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{start}" y="0" width="{length}" height="{BarHeightModules}" fill="#000"/>""");
        }

        svg.Append("</svg>");
        return new RenderedAsset(Encoding.UTF8.GetBytes(svg.ToString()), RenderedAsset.Svg);
    }

    private static (BitMatrix Bars, int Scale) Layout(string code, int size)
    {
        var bars = new Code128Writer().encode(code, BarcodeFormat.CODE_128, 0, 0);
        return (bars, AssetScale.For(size, bars.Width));
    }

    /// <summary>Each bar as its first module and width in modules.</summary>
    private static IEnumerable<(int Start, int Length)> Runs(BitMatrix bars)
    {
        for (var x = 0; x < bars.Width; x++)
        {
            if (!bars[x, 0])
            {
                continue;
            }

            var start = x;
            while (x + 1 < bars.Width && bars[x + 1, 0])
            {
                x++;
            }

            yield return (start, x - start + 1);
        }
    }
}
