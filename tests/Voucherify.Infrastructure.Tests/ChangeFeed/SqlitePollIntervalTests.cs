using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>How long a caught-up polling loop waits before it asks SQLite's change log again.</summary>
public sealed class SqlitePollIntervalTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(null, 100)]
    [InlineData(1000, 1000)]
    public async Task A_caught_up_loop_asks_again_after_the_interval_set_or_else_after_a_tenth_of_a_second(int? setMilliseconds, int expectedMilliseconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("feed.db")), clock);
        var feed = new TimedFeed(new SqliteChangeFeed(store), clock);
        var options = new ChangeFeedOptions { PollInterval = setMilliseconds is { } set ? TimeSpan.FromMilliseconds(set) : null };
        await using var processor = SqliteFeedFixture.PollingOver(feed, store, new RecordingHandler("recorder", "voucher", clock), options, clock);

        await processor.StartAsync(CancellationToken.None);
        var started = DateTime.UtcNow;
        while (feed.Reads.Count < 2)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "The loop did not ask again.");
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(2);
        }

        // Fake time moves in steps of 10 ms while the loop runs in real time, so the wait it began can start a step or
        // two after its read: the gap is the interval, give or take those steps, never the other interval.
        var gap = feed.Reads.ElementAt(1) - feed.Reads.ElementAt(0);
        Assert.InRange(gap, TimeSpan.FromMilliseconds(expectedMilliseconds), TimeSpan.FromMilliseconds(expectedMilliseconds * 1.5 + 100));
    }
}
