using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;
using Voucherify.Core.Vouchers.Assets;

namespace Voucherify.Core.Tests.Vouchers.Assets;

public sealed class VoucherAssetsTests
{
    private static readonly Project Project = new("proj_1", "Test", TimeZoneInfo.Utc);
    private static readonly AssetTokens Tokens = new("test-signing-key");

    [Fact]
    public void The_qr_link_serves_the_qr_token_under_v1_assets_qr()
    {
        var assets = VoucherAssets.Create(Project, "A1", "https://promo.example.com/", Tokens);

        Assert.Equal($"https://promo.example.com/v1/assets/qr/{assets.Qr.Id}", assets.Qr.Url);
        Assert.Equal(new AssetSubject("proj_1", "A1"), Tokens.Read(AssetKind.Qr, assets.Qr.Id));
    }

    [Fact]
    public void The_barcode_link_serves_the_barcode_token_under_v1_assets_barcode()
    {
        var assets = VoucherAssets.Create(Project, "A1", "http://127.0.0.1:7071", Tokens);

        Assert.Equal($"http://127.0.0.1:7071/v1/assets/barcode/{assets.Barcode.Id}", assets.Barcode.Url);
        Assert.Equal(new AssetSubject("proj_1", "A1"), Tokens.Read(AssetKind.Barcode, assets.Barcode.Id));
    }

    [Fact]
    public void Assets_have_the_contract_shape_on_the_wire()
    {
        var json = JsonSerializer.Serialize(new VoucherAssets(new VoucherAsset("q", "https://x/q"), new VoucherAsset("b", "https://x/b")), Wire.Options);

        Assert.Equal("""{"qr":{"id":"q","url":"https://x/q"},"barcode":{"id":"b","url":"https://x/b"}}""", json);
    }
}
