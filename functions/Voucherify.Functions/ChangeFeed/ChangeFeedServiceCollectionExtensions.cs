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
    /// The event path: handlers, delivery, and the processor behind a hosted service. The store registration brings
    /// the feed: SQLite an <see cref="IChangeFeed"/> (its change log) for the polling processor, Cosmos DB its own
    /// <see cref="IChangeFeedProcessor"/> (the SDK's change feed processor on a lease container), registered before this runs.
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VoucherifyOptions>>().Value.ChangeFeed);
        services.AddSingleton<IChangeFeedMonitor, LoggingChangeFeedMonitor>();
        services.AddSingleton<ChangeCheckpoints>();
        services.AddSingleton<ParkedChanges>();
        services.AddSingleton<ChangeDelivery>();
        services.TryAddSingleton<IChangeFeedProcessor, PollingChangeFeedProcessor>();
        services.AddSingleton<IChangeHandler, CustomerSummaryHandler>();
        services.AddSingleton<IChangeHandler, CustomerOrderSummaryHandler>();
        services.AddSingleton<CustomerService>();

        // A store that keeps a change log of its own (SQLite) registered its audit log over it; otherwise the trail is
        // written by a handler, one audit document per change.
        if (!services.Any(service => service.ServiceType == typeof(IAuditLog)))
        {
            services.AddSingleton<IChangeHandler, AuditTrailHandler>();
            services.AddSingleton<IAuditLog, DocumentAuditLog>();
        }

        services.AddHostedService<ChangeFeedWorker>();
        return services;
    }
}
