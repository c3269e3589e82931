using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Voucherify.Infrastructure.Tests.Assets;

/// <summary>
/// Reads rendered assets back the way a scanner would: PNGs are decoded to pixels with SkiaSharp,
/// SVGs are rasterised from their rectangles and QRCoder's run paths, and ZXing finds the code.
/// </summary>
internal static partial class ImageDecoder
{
    /// <param name="magnify">Nearest-neighbour enlargement, as a camera held close gives: ZXing's binarizer needs a few pixels per module.</param>
    public static string? DecodePng(byte[] png, BarcodeFormat format, int magnify = 1)
    {
        var (width, height) = PngSize(png);
        using var bitmap = SKBitmap.Decode(png, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var gray = new byte[width * height * magnify * magnify];
        for (var y = 0; y < height * magnify; y++)
        {
            for (var x = 0; x < width * magnify; x++)
            {
                gray[(y * width * magnify) + x] = pixels[((y / magnify) * bitmap.RowBytes) + (x / magnify)];
            }
        }

        return Decode(gray, width * magnify, height * magnify, format);
    }

    public static string? DecodeSvg(byte[] svg, BarcodeFormat format, int pixelsPerUnit = 4)
    {
        var root = XDocument.Parse(Encoding.UTF8.GetString(svg)).Root!;
        var box = root.Attribute("viewBox")!.Value.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (width, height) = (box[2] * pixelsPerUnit, box[3] * pixelsPerUnit);
        var gray = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var (x, y, w, h) in DarkShapes(root))
        {
            Paint(gray, width, x * pixelsPerUnit, y * pixelsPerUnit, w * pixelsPerUnit, h * pixelsPerUnit);
        }

        return Decode(gray, width, height, format);
    }

    public static (int Width, int Height) PngSize(byte[] png)
    {
        using var codec = SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidDataException("Not a PNG Skia can read.");
        return (codec.Info.Width, codec.Info.Height);
    }

    private static IEnumerable<(int X, int Y, int W, int H)> DarkShapes(XElement root)
    {
        var shapes = root.Descendants().Where(e => IsDark(e.Attribute("fill")?.Value));
        foreach (var shape in shapes)
        {
            if (shape.Name.LocalName == "rect")
            {
                yield return (Int(shape, "x"), Int(shape, "y"), Int(shape, "width"), Int(shape, "height"));
            }

            foreach (Match run in RunPath().Matches(shape.Attribute("d")?.Value ?? string.Empty))
            {
                yield return (Int(run, 1), Int(run, 2), Int(run, 3), Int(run, 4));
            }
        }
    }

    private static bool IsDark(string? fill) => fill is "#000" or "#000000" or "black";

    private static int Int(XElement element, string name) => int.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void Paint(byte[] gray, int width, int x, int y, int w, int h)
    {
        for (var row = y; row < y + h; row++)
        {
            gray.AsSpan((row * width) + x, w).Clear();
        }
    }

    private static string? Decode(byte[] gray, int width, int height, BarcodeFormat format)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [format], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v(\d+)h-\d+z")]
    private static partial Regex RunPath();
}
