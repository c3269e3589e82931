using Voucherify.Core.Projects;

namespace Voucherify.Core.Vouchers.Assets;

/// <summary>A voucher's assets object: {qr:{id,url}, barcode:{id,url}}.</summary>
public sealed record VoucherAssets(VoucherAsset Qr, VoucherAsset Barcode)
{
    /// <param name="baseUrl">Scheme, host and any path base the service is reached at, e.g. "https://promo.example.com".</param>
    public static VoucherAssets Create(Project project, string code, string baseUrl, AssetTokens tokens) =>
        new(Link(AssetKind.Qr, project, code, baseUrl, tokens), Link(AssetKind.Barcode, project, code, baseUrl, tokens));

    public static string PathOf(AssetKind kind) => kind == AssetKind.Qr ? "v1/assets/qr" : "v1/assets/barcode";

    private static VoucherAsset Link(AssetKind kind, Project project, string code, string baseUrl, AssetTokens tokens)
    {
        var id = tokens.Create(kind, project.Id, code);
        return new VoucherAsset(id, $"{baseUrl.TrimEnd('/')}/{PathOf(kind)}/{Uri.EscapeDataString(id)}");
    }
}
