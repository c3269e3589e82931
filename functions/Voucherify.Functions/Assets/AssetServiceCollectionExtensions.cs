using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Functions.Assets;
using Voucherify.Functions.Hosting;
using Voucherify.Infrastructure.Assets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>In the DI namespace, as AddXxx extensions usually are, so hosts call it without another using.</summary>
public static class AssetServiceCollectionExtensions
{
    /// <summary>Asset tokens keyed by Voucherify:AssetSigningKey, the image renderer and the link builder.</summary>
    public static IServiceCollection AddVoucherAssets(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new AssetTokens(sp.GetRequiredService<IOptions<VoucherifyOptions>>().Value.AssetSigningKey));
        services.TryAddSingleton<AssetRenderer>();
        services.TryAddSingleton<VoucherAssetLinks>();
        return services;
    }
}
