using Microsoft.AspNetCore.Http;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Assets;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Vouchers;

/// <summary>
/// Adds what a shown voucher carries but the store does not: its public QR and barcode links,
/// derived per response so a change of host name never leaves stale links in stored data.
/// </summary>
public sealed class VoucherPresenter(VoucherAssetLinks links)
{
    public Voucher Show(HttpRequest request, Voucher voucher) =>
        voucher with { Assets = links.For(request, request.Project(), voucher.Code) };

    public Redemption Show(HttpRequest request, Redemption redemption) =>
        redemption.Voucher is null ? redemption : redemption with { Voucher = Show(request, redemption.Voucher) };
}
