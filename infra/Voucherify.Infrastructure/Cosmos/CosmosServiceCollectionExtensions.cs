using Microsoft.Extensions.DependencyInjection;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Cosmos DB store as the singleton <see cref="IDocumentStore"/>: one store and so one
    /// <see cref="Microsoft.Azure.Cosmos.CosmosClient"/> per process, as the SDK wants. Containers are created on first use.
    /// Uses the registered <see cref="TimeProvider"/>, else the system clock. Its change feed is the SDK's change feed
    /// processor (<see cref="CosmosChangeFeedProcessor"/>), fed by the handlers and delivery the host registers.
    /// </summary>
    public static IServiceCollection AddCosmosDocumentStore(this IServiceCollection services, CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        services.AddSingleton(options);
        services.AddSingleton(provider => new CosmosDocumentStore(options, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDocumentStore>(provider => provider.GetRequiredService<CosmosDocumentStore>());
        services.AddSingleton(ChangeFeedOrder.LatestVersions);
        services.AddSingleton<IChangeFeedProcessor>(provider => new CosmosChangeFeedProcessor(
            provider.GetRequiredService<CosmosDocumentStore>(),
            provider.GetServices<IChangeHandler>(),
            provider.GetRequiredService<ChangeDelivery>(),
            provider.GetRequiredService<ChangeFeedOptions>(),
            options,
            provider.GetService<IChangeFeedMonitor>()));
        return services;
    }
}
