using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.ChangeFeed;

public static class ChangeFeedServiceCollectionExtensions
{
    /// <summary>
    /// The event path: handlers, delivery, and the processor behind a hosted service. The polling processor is the
    /// default, reading the change log either store writes (<see cref="StoreChangeFeed"/>); a store that brings its own
    /// processor (Cosmos DB's ChangeFeedProcessor with a lease container) registers <see cref="IChangeFeedProcessor"/> before this runs.
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VoucherifyOptions>>().Value.ChangeFeed);
        services.AddSingleton<IChangeFeedMonitor, LoggingChangeFeedMonitor>();
        services.AddSingleton<ChangeCheckpoints>();
        services.AddSingleton<ParkedChanges>();
        services.AddSingleton<ChangeDelivery>();
        services.TryAddSingleton<IChangeFeed, StoreChangeFeed>();
        services.TryAddSingleton<IChangeFeedProcessor, PollingChangeFeedProcessor>();
        services.AddSingleton<IChangeHandler, CustomerSummaryHandler>();
        services.AddSingleton<IChangeHandler, AuditTrailHandler>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<AuditQueries>();
        services.AddHostedService<ChangeFeedWorker>();
        return services;
    }
}
