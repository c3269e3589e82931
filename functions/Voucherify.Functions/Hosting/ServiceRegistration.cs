using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Voucherify.Core.Projects;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Hosting;

/// <summary>Everything both hosts register: options, store, domain services, the request pipeline.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddVoucherify(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VoucherifyOptions>(configuration.GetSection(VoucherifyOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConfiguredProjectDirectory>();
        services.AddSingleton<IProjectDirectory>(sp => sp.GetRequiredService<ConfiguredProjectDirectory>());
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<RequestPipeline>();
        services.AddVoucherAssets();
        return services;
    }
}
