using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Campaigns;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Idempotency;
using Voucherify.Core.Metadata;
using Voucherify.Core.Orders;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Sourced;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.AsyncActions;
using Voucherify.Functions.ChangeFeed;
using Voucherify.Infrastructure.Cosmos;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Functions.Http;
using Voucherify.Functions.ValidationRules;
using Voucherify.Functions.Vouchers;

namespace Voucherify.Functions.Hosting;

/// <summary>Everything both hosts register: options, store, domain services, the request pipeline, the workers.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddVoucherify(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VoucherifyOptions>(configuration.GetSection(VoucherifyOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConfiguredProjectDirectory>();
        services.AddSingleton<IProjectDirectory>(sp => sp.GetRequiredService<ConfiguredProjectDirectory>());
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<RequestRateLimiter>();
        services.AddSingleton<RequestPipeline>();
        services.AddSingleton<IdempotencyService>();
        services.AddSingleton<IdempotentRequests>();
        services.AddStore(configuration);
        services.AddDomain();
        services.AddValidationRules();
        services.AddVoucherAssets();
        services.AddSingleton<VoucherPresenter>();
        services.AddSingleton<InProcessAsyncActionQueue>();
        services.AddSingleton<IAsyncActionQueue>(sp => sp.GetRequiredService<InProcessAsyncActionQueue>());
        services.AddHostedService<AsyncActionWorker>();
        services.AddHostedService<Redemptions.RedemptionRecoveryWorker>();
        services.AddChangeFeed();
        return services;
    }

    private static void AddDomain(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CampaignSettings(sp.GetRequiredService<IOptions<VoucherifyOptions>>().Value.SyncGenerationLimit));
        services.AddSingleton<VoucherLookup>();
        services.AddSingleton<CampaignLookup>();
        services.AddSingleton<CampaignVoucherCounter>();
        services.AddSingleton<VoucherService>();
        services.AddSingleton<VoucherImport>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignVoucherGeneration>();
        services.AddSingleton<CampaignVoucherUpdate>();
        services.AddSingleton<CampaignVoucherDeletion>();
        services.AddSingleton<IAsyncActionHandler>(sp => sp.GetRequiredService<VoucherImport>());
        services.AddSingleton<IAsyncActionHandler, CampaignVoucherImport>();
        services.AddSingleton<IAsyncActionHandler>(sp => sp.GetRequiredService<CampaignVoucherGeneration>());
        services.AddSingleton<IAsyncActionHandler>(sp => sp.GetRequiredService<CampaignVoucherUpdate>());
        services.AddSingleton<IAsyncActionHandler>(sp => sp.GetRequiredService<CampaignVoucherDeletion>());
        services.AddSingleton<AsyncActionService>();
        services.AddSingleton<ValidationService>();
        services.AddSingleton<VoucherUsage>();
        services.AddSingleton<RedemptionService>();
        services.AddSingleton<CustomerRecorder>();
        services.AddSingleton<OrderRecorder>();
        services.AddSingleton<MetadataValidator>();
        services.AddSingleton<MetadataSchemaService>();
        services.AddSingleton<SourceIdLookup>();
        services.AddSingleton<SourcedDocuments>();
        services.AddSingleton<ProductService>();
        services.AddSingleton<SkuService>();
        services.AddSingleton<OrderCatalog>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<RedemptionQueries>();
        services.AddSingleton<RollbackService>();
        services.AddSingleton<RedemptionRecovery>();
        services.AddSingleton(sp => Recovery(sp.GetRequiredService<IOptions<VoucherifyOptions>>().Value));
    }

    private static RecoverySettings Recovery(VoucherifyOptions options) =>
        new(TimeSpan.FromSeconds(options.RecoveryGraceSeconds), TimeSpan.FromSeconds(options.RecoveryIntervalSeconds));

    /// <summary>The embedded SQLite store; the Cosmos DB store plugs in here once it exists.</summary>
    private static void AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(VoucherifyOptions.Section).Get<VoucherifyOptions>() ?? new VoucherifyOptions();
        if (string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSqliteDocumentStore(options.SqlitePath, DerivedKinds.All);
        }
        else if (string.Equals(options.Store, "cosmos", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.CosmosConnectionString))
            {
                throw new InvalidOperationException("Voucherify:Store is 'cosmos' but Voucherify:CosmosConnectionString is empty.");
            }

            // The local test server is one single-threaded process: under a test run's load a request can queue for
            // longer than the SDK's 6 s default, which the SDK reports as a failure (a 500 to the caller).
            services.AddCosmosDocumentStore(new CosmosStoreOptions(options.CosmosConnectionString, options.CosmosDatabase)
            {
                TestServerCompatibility = options.CosmosTestServer,
                RequestTimeout = options.CosmosTestServer ? TimeSpan.FromSeconds(60) : null,
            });
        }
        else
        {
            throw new InvalidOperationException($"Voucherify:Store '{options.Store}' is not supported; use 'sqlite' or 'cosmos'.");
        }
    }
}
