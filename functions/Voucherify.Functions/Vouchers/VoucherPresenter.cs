using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Hosting;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Vouchers;

/// <summary>
/// Adds what a shown voucher carries but the store does not: its public QR and barcode links,
/// derived from the host the client reached (or the configured public URL).
/// </summary>
public sealed class VoucherPresenter(IOptions<VoucherifyOptions> options)
{
    public Voucher Show(HttpRequest request, Voucher voucher) => voucher;

    public string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl.Length > 0 ? options.Value.PublicBaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}";

    public Core.Redemptions.Redemption Show(HttpRequest request, Core.Redemptions.Redemption redemption) =>
        redemption.Voucher is null ? redemption : redemption with { Voucher = Show(request, redemption.Voucher) };

    private Core.Projects.Project Project(HttpRequest request) => request.Project();
}
