using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Voucherify.Core.Projects;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.Assets;

/// <summary>
/// Builds a voucher's assets object for a response: links go to the configured public base URL, or
/// when none is set, back to the host the request came to (right for the dev host and single hosts).
/// </summary>
public sealed class VoucherAssetLinks(AssetTokens tokens, IOptions<VoucherifyOptions> options)
{
    public VoucherAssets For(HttpRequest request, Project project, string code) =>
        VoucherAssets.Create(project, code, BaseUrl(request), tokens);

    public string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
