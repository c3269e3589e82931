using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Storage;
using Voucherify.Infrastructure.Tests.Threading;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>
/// The polling processor over a real SQLite file's change log, its poll interval on the fake clock, and its loops on
/// threads like the service's idle threads (so its writes take the same way to the writer) but at the pool's priority:
/// what the feed delivers must not hang on the CPU other tests leave over, which at idle priority is next to none while
/// they keep both cores busy. The idle policy itself: IdleThreadsTests and SqliteFeedThreadsTests.
/// </summary>
public sealed class SqliteFeedFixture : FeedFixture
{
    private static readonly IdleThreads Threads = IdleThreads.AtPoolPriority(2);

    private readonly TemporaryFolder folder = new();
    private SqliteDocumentStore store;

    public SqliteFeedFixture()
    {
        store = Open();
    }

    public override IDocumentStore Store => store;

    public override ChangeFeedOrder Order => ChangeFeedOrder.EveryVersion(new SqliteVersionLog(store));

    public override ChangeFeedOptions Options { get; } = OptionsWith(TimeSpan.FromSeconds(1));

    public override IChangeFeedProcessor Processor(params IChangeHandler[] handlers) =>
        new PollingChangeFeedProcessor(new SqliteChangeFeed(store), handlers, new ChangeCheckpoints(store), new ChangeDelivery(Parked, Options, Clock), Options, Clock, Faults, new ChangeFeedThreads(Threads));

    /// <summary>A polling processor of one handler over <paramref name="feed"/>, for tests that drive a store of their own.</summary>
    public static PollingChangeFeedProcessor PollingOver(
        IChangeFeed feed, SqliteDocumentStore store, IChangeHandler handler, ChangeFeedOptions options, TimeProvider clock, ChangeFeedThreads? threads = null) =>
        new(feed, [handler], new ChangeCheckpoints(store), new ChangeDelivery(new ParkedChanges(store, clock), options, clock), options, clock, threads: threads);

    public override Task ReopenAsync()
    {
        Close();
        store = Open();
        return Task.CompletedTask;
    }

    public override async Task ForgetProgressAsync(string handler) => await store.DeleteAsync(ChangeFeedKeys.Checkpoint(handler));

    protected override Task CaughtUpAsync() => OnIdleThreads.CaughtUpAsync(Threads);

    // A stopping loop saves the position it reached.
    public override Task SettleAsync() => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        Close();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private SqliteDocumentStore Open() => new(new SqliteStoreOptions(folder.File("feed.db")), Clock);
}
