using System.Text;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Infrastructure.Assets;
using ZXing;

namespace Voucherify.Infrastructure.Tests.Assets;

public sealed class AssetRendererTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly AssetRenderer renderer = new();

    [Theory]
    [InlineData("SUMMER-2024")]
    [InlineData("a1B2c3D4")]
    [InlineData("ü-漢字-€")]
    public void A_qr_png_scans_back_to_the_code(string code) =>
        Assert.Equal(code, ImageDecoder.DecodePng(renderer.Render(AssetKind.Qr, code, AssetFormat.Png).Content, BarcodeFormat.QR_CODE));

    [Theory]
    [InlineData("SUMMER-2024")]
    [InlineData("a1B2c3D4")]
    public void A_qr_svg_scans_back_to_the_code(string code) =>
        Assert.Equal(code, ImageDecoder.DecodeSvg(renderer.Render(AssetKind.Qr, code, AssetFormat.Svg).Content, BarcodeFormat.QR_CODE));

    [Theory]
    [InlineData("SUMMER-2024")]
    [InlineData("a1B2c3D4")]
    [InlineData("12345678")]
    [InlineData("!#$%&'()*+,-./:;<=>?@[]^_`{|}~")]
    public void A_barcode_png_scans_back_to_the_code(string code) =>
        Assert.Equal(code, ImageDecoder.DecodePng(renderer.Render(AssetKind.Barcode, code, AssetFormat.Png).Content, BarcodeFormat.CODE_128));

    [Theory]
    [InlineData("SUMMER-2024")]
    [InlineData("a1B2c3D4")]
    public void A_barcode_svg_scans_back_to_the_code(string code) =>
        Assert.Equal(code, ImageDecoder.DecodeSvg(renderer.Render(AssetKind.Barcode, code, AssetFormat.Svg).Content, BarcodeFormat.CODE_128));

    [Theory]
    [InlineData(AssetKind.Qr)]
    [InlineData(AssetKind.Barcode)]
    public void A_png_is_a_real_png_with_the_png_media_type(AssetKind kind)
    {
        var image = renderer.Render(kind, "A1B2C3", AssetFormat.Png);

        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(PngSignature, image.Content[..8]);
    }

    [Theory]
    [InlineData(AssetKind.Qr)]
    [InlineData(AssetKind.Barcode)]
    public void An_svg_is_an_svg_document_with_the_svg_media_type(AssetKind kind)
    {
        var image = renderer.Render(kind, "A1B2C3", AssetFormat.Svg);

        Assert.Equal("image/svg+xml", image.ContentType);
        Assert.StartsWith("<svg", Encoding.UTF8.GetString(image.Content).TrimStart());
    }

    [Fact]
    public void The_size_scales_a_qr_png_by_whole_modules()
    {
        var small = ImageDecoder.PngSize(renderer.Render(AssetKind.Qr, "A1B2C3", AssetFormat.Png, 1).Content);
        var large = ImageDecoder.PngSize(renderer.Render(AssetKind.Qr, "A1B2C3", AssetFormat.Png, 10).Content);

        Assert.Equal((small.Width * 10, small.Height * 10), large);
    }

    [Fact]
    public void The_size_scales_a_barcode_png_by_whole_modules()
    {
        var small = ImageDecoder.PngSize(renderer.Render(AssetKind.Barcode, "A1B2C3", AssetFormat.Png, 1).Content);
        var large = ImageDecoder.PngSize(renderer.Render(AssetKind.Barcode, "A1B2C3", AssetFormat.Png, 3).Content);

        Assert.Equal((small.Width * 3, small.Height * 3), large);
    }

    [Fact]
    public void The_size_sets_the_svg_width_and_height()
    {
        var svg = Encoding.UTF8.GetString(renderer.Render(AssetKind.Barcode, "A1B2C3", AssetFormat.Svg, 2).Content);
        var modules = ImageDecoder.PngSize(renderer.Render(AssetKind.Barcode, "A1B2C3", AssetFormat.Png, 1).Content).Width;

        Assert.Contains($"width=\"{modules * 2}\"", svg);
    }

    [Theory]
    [InlineData(AssetKind.Qr)]
    [InlineData(AssetKind.Barcode)]
    public void The_largest_size_stays_within_the_pixel_cap_and_still_scans(AssetKind kind)
    {
        var code = new string('7', 60);
        var image = renderer.Render(kind, code, AssetFormat.Png, 100).Content;

        var (width, height) = ImageDecoder.PngSize(image);
        Assert.InRange(Math.Max(width, height), 1, AssetScale.MaxSide);
        Assert.Equal(code, ImageDecoder.DecodePng(image, kind == AssetKind.Qr ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128));
    }

    [Theory]
    [InlineData(AssetKind.Qr, BarcodeFormat.QR_CODE)]
    [InlineData(AssetKind.Barcode, BarcodeFormat.CODE_128)]
    public void The_smallest_size_draws_one_pixel_per_module_and_still_scans_when_enlarged(AssetKind kind, BarcodeFormat format) =>
        Assert.Equal("A1B2C3", ImageDecoder.DecodePng(renderer.Render(kind, "A1B2C3", AssetFormat.Png, 1).Content, format, magnify: 4));

    [Fact]
    public void A_qr_png_of_the_smallest_size_is_as_wide_as_the_symbol_with_its_quiet_zone() =>
        Assert.Equal((29, 29), ImageDecoder.PngSize(renderer.Render(AssetKind.Qr, "A1B2C3", AssetFormat.Png, 1).Content));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_size_outside_one_to_a_hundred_is_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => renderer.Render(AssetKind.Qr, "A1", AssetFormat.Png, size));

    [Theory]
    [InlineData("漢字")]
    [InlineData("")]
    public void A_code_that_code_128_cannot_carry_is_refused_for_barcodes(string code) =>
        Assert.ThrowsAny<ArgumentException>(() => renderer.Render(AssetKind.Barcode, code, AssetFormat.Png));

    [Fact]
    public void A_long_code_still_makes_a_barcode_within_the_pixel_cap()
    {
        var code = string.Concat(Enumerable.Repeat("Ab9-", 30));
        var image = renderer.Render(AssetKind.Barcode, code, AssetFormat.Png, 100).Content;

        Assert.InRange(ImageDecoder.PngSize(image).Width, 1, AssetScale.MaxSide);
        Assert.Equal(code, ImageDecoder.DecodePng(image, BarcodeFormat.CODE_128));
    }

    [Fact]
    public void A_long_code_still_makes_a_qr_code()
    {
        var code = new string('Z', 400);

        Assert.Equal(code, ImageDecoder.DecodePng(renderer.Render(AssetKind.Qr, code, AssetFormat.Png).Content, BarcodeFormat.QR_CODE));
    }
}
