using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>A store, a fake clock, and change feed processors on them that can be stopped and started again.</summary>
public abstract class FeedFixture : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public abstract IDocumentStore Store { get; }

    /// <summary>
    /// Whether every version of a document reaches handlers (SQLite's log), or only the latest at the time the feed
    /// is read (Cosmos DB's latest-version change feed collapses versions written between two reads).
    /// </summary>
    public bool KeepsEveryVersion => Order.EveryVersionInOneOrder;

    public abstract ChangeFeedOptions Options { get; }

    /// <summary>What the store's feed promises, as its registration tells the summary handlers.</summary>
    public abstract ChangeFeedOrder Order { get; }

    public ParkedChanges Parked => new(Store, Clock);

    public FaultLog Faults { get; } = new();

    public abstract IChangeFeedProcessor Processor(params IChangeHandler[] handlers);

    /// <summary>Closes the store and opens it again, as a restarted process would.</summary>
    public abstract Task ReopenAsync();

    /// <summary>Throws away a handler's progress, so its next processor starts from the beginning of the feed.</summary>
    public abstract Task ForgetProgressAsync(string handler);

    /// <summary>Waits until what the processors delivered is checkpointed, so a stop now loses nothing but the change in flight.</summary>
    public abstract Task SettleAsync();

    public abstract ValueTask DisposeAsync();

    public Task<StoredDocument> CreateAsync(string projectId, string kind, string id, JsonObject body) =>
        Store.CreateAsync(new NewDocument(new DocumentKey(projectId, kind, id, id), body));

    /// <summary>Lets fake time pass in small steps until the condition holds (at most 20 s of real time).</summary>
    public Task UntilAsync(Func<bool> done) => UntilAsync(() => Task.FromResult(done()));

    public async Task UntilAsync(Func<Task<bool>> done)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"Timed out waiting for the change feed. Faults: {Faults}");
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await CaughtUpAsync();
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until the processors' threads have run what the last step of fake time woke.</summary>
    protected virtual Task CaughtUpAsync() => Task.CompletedTask;

    protected static ChangeFeedOptions OptionsWith(TimeSpan pollInterval) => new()
    {
        PollInterval = pollInterval,
        BatchSize = 7,
        MaxAttempts = 4,
        FirstRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };
}
