using System.Text.Json.Nodes;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Storage;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>Where the polling processor runs its handlers: on the threads it is given, else on the pool.</summary>
public sealed class SqliteFeedThreadsTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_delivery_runs_on_the_threads_given_to_the_processor_or_else_on_the_pool(bool idle)
    {
        var clock = TimeProvider.System;
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("feed.db")), clock);
        var options = new ChangeFeedOptions { PollInterval = TimeSpan.FromMilliseconds(10), BatchSize = 3 };
        var handler = new RecordingHandler("recorder", "voucher", clock);
        await using var processor = SqliteFeedFixture.PollingOver(
            new SqliteChangeFeed(store), store, handler, options, clock, idle ? new ChangeFeedThreads(IdleThreads.Shared) : null);

        await processor.StartAsync(CancellationToken.None);

        // Written while the loop runs, so deliveries come after reads, waits and checkpoint writes: each await on the way
        // is a chance to land somewhere else.
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync(new NewDocument(new DocumentKey("proj_1", "voucher", "camp_1", $"v{i}"), new JsonObject()));
            await Task.Delay(5);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (handler.Delivered.Count < 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await processor.StopAsync(CancellationToken.None);
        Assert.Equal(10, handler.Delivered.Count);
        Assert.All(handler.OnIdleThreads, onIdle => Assert.Equal(idle, onIdle));
    }
}
