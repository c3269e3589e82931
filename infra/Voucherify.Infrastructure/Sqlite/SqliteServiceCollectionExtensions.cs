using Microsoft.Extensions.DependencyInjection;
using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded store on the file at <paramref name="path"/> as the singleton
    /// <see cref="IDocumentStore"/>. One instance per file: its single writer connection is what
    /// orders writes without lock contention. Its change log is the <see cref="IChangeFeed"/> the polling processor reads, and
    /// the <see cref="IAuditLog"/> the audit trail is served from; it delivers every version in one order and keeps them (<see cref="ChangeFeedOrder"/>). The feed's loops run on <see cref="IdleThreads"/>. Uses the registered <see cref="TimeProvider"/>, else the system clock.
    /// </summary>
    /// <param name="unloggedKinds">Kinds left out of the change log (<see cref="SqliteStoreOptions.UnloggedKinds"/>).</param>
    public static IServiceCollection AddSqliteDocumentStore(this IServiceCollection services, string path, IReadOnlySet<string>? unloggedKinds = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new SqliteStoreOptions(path) { UnloggedKinds = unloggedKinds ?? new HashSet<string>(StringComparer.Ordinal) };
        services.AddSingleton(provider => new SqliteDocumentStore(
            options,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDocumentStore>(provider => provider.GetRequiredService<SqliteDocumentStore>());
        services.AddSingleton<IChangeFeed, SqliteChangeFeed>();
        services.AddSingleton(provider => ChangeFeedOrder.EveryVersion(new SqliteVersionLog(provider.GetRequiredService<SqliteDocumentStore>())));
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton(new ChangeFeedThreads(IdleThreads.Shared));
        return services;
    }
}
