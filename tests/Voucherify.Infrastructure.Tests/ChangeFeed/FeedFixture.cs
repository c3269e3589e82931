using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>A real SQLite file, a fake clock, and processors on them that can be stopped and started again.</summary>
public sealed class FeedFixture : IAsyncDisposable
{
    private readonly TemporaryFolder folder = new();

    public FeedFixture()
    {
        Store = Open();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public SqliteDocumentStore Store { get; private set; }

    public ChangeFeedOptions Options { get; } = new()
    {
        PollInterval = TimeSpan.FromSeconds(1),
        BatchSize = 7,
        MaxAttempts = 4,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    public ParkedChanges Parked => new(Store, Clock);

    public ChangeCheckpoints Checkpoints => new(Store);

    public PollingChangeFeedProcessor Processor(params IChangeHandler[] handlers) =>
        new(new StoreChangeFeed(Store), handlers, Checkpoints, new ChangeDelivery(Parked, Options, Clock), Options, Clock);

    /// <summary>Closes the file and opens it again, as a restarted process would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Store = Open();
    }

    public Task<StoredDocument> CreateAsync(string projectId, string kind, string id, JsonObject body) =>
        Store.CreateAsync(new NewDocument(new DocumentKey(projectId, kind, id, id), body));

    /// <summary>Lets fake time pass in small steps until the condition holds (at most 10 s of real time).</summary>
    public async Task UntilAsync(Func<bool> done, TimeSpan? step = null)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting for the change feed.");
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.Delay(2);
        }
    }

    public async Task UntilAsync(Func<Task<bool>> done, TimeSpan? step = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting for the change feed.");
            Clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.Delay(2);
        }
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteDocumentStore Open() => new(new SqliteStoreOptions(folder.File("feed.db")), Clock);
}
