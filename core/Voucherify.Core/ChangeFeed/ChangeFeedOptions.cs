namespace Voucherify.Core.ChangeFeed;

/// <summary>Settings of change delivery (section "Voucherify:ChangeFeed").</summary>
public sealed class ChangeFeedOptions
{
    /// <summary>
    /// How long a caught-up handler waits before asking the feed again. Unset (or empty), the processor's own: 100 ms for
    /// SQLite's change log (<see cref="PollingChangeFeedProcessor"/>), a second for Cosmos DB, where every poll is a request
    /// that costs request units.
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>
    /// Changes read and handled at a time. Batch handlers read and write each customer's summary once per batch and each
    /// loop saves its checkpoint once per batch, so larger batches cost less per change: redeem on the profiling host,
    /// feed included, went from 1.48 ms (100) to 1.19 ms (500) and 1.27 ms (1,000). A failed batch goes again change by
    /// change, and a crash repeats at most one batch.
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Attempts per change and handler, the first included; after the last one the change is parked.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failure; it doubles with every further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
