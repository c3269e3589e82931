namespace Voucherify.Core.Vouchers.Assets;

/// <summary>The two images a voucher links to, assets.qr and assets.barcode (Code 128).</summary>
public enum AssetKind
{
    Qr,
    Barcode,
}
