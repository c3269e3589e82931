using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// The processor for stores that offer a pull feed (SQLite): one loop per handler, each on its own checkpoint,
/// so a slow or failing handler never holds back another. A loop reads a batch after its position, delivers the
/// changes in order (a batch handler gets them in one call), advances its position once they are handled, skipped or parked, and saves the
/// position as its checkpoint document. A crash loses at most the unsaved tail, which is delivered again
/// (handlers are idempotent); a clean stop saves the position reached.
/// </summary>
public sealed class PollingChangeFeedProcessor(
    IChangeFeed feed,
    IEnumerable<IChangeHandler> handlers,
    ChangeCheckpoints checkpoints,
    ChangeDelivery delivery,
    ChangeFeedOptions options,
    TimeProvider clock,
    IChangeFeedMonitor? monitor = null,
    ChangeFeedThreads? threads = null) : IChangeFeedProcessor
{
    private readonly IReadOnlyList<IChangeHandler> handlers = ChangeHandlers.WithUniqueNames(handlers);
    private readonly IChangeFeedMonitor monitor = monitor ?? SilentChangeFeedMonitor.Instance;
    private readonly Lock gate = new();
    private CancellationTokenSource? stopping;
    private Task running = Task.CompletedTask;

    // Unless set. Asking a change log in the store's own file again is a query of microseconds. After a second's wait a
    // loop found a second of changes at once (~1,800 at redeem's half load) and both loops handled them back to back, on
    // a two-core machine, while requests waited for the CPU; at 100 ms the work comes in tenths. Redeem at half load, six
    // 20 s runs each: p99 24.0-28.1 ms at 1 s, 20.7-26.1 ms at 100 ms, CPU the same.
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    private TimeSpan PollInterval => options.PollInterval ?? DefaultPollInterval;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (stopping is not null)
            {
                throw new InvalidOperationException("The change feed processor is already running.");
            }

            stopping = new CancellationTokenSource();
            var token = stopping.Token;
            // Started on the loops' scheduler, a loop's awaits come back to it, so all of its work runs there.
            var scheduler = threads?.Scheduler ?? TaskScheduler.Default;
            running = Task.WhenAll(handlers.Select(handler => Task.Factory.StartNew(
                () => RunAsync(handler, token),
                CancellationToken.None,
                TaskCreationOptions.DenyChildAttach,
                scheduler).Unwrap()));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task loops;
        lock (gate)
        {
            if (stopping is null)
            {
                return;
            }

            stopping.Cancel();
            loops = running;
        }

        try
        {
            await loops.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (gate)
            {
                stopping?.Dispose();
                stopping = null;
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task RunAsync(IChangeHandler handler, CancellationToken stop)
    {
        string? position = null;
        string? saved = null;
        var loaded = false;
        var skippedSinceSave = 0;
        Func<DocumentKey, bool> wanted = key => ChangeDelivery.Wanted(handler, key);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (!loaded)
                    {
                        position = saved = await checkpoints.ReadAsync(handler.Name, stop);
                        loaded = true;
                    }

                    var batch = await feed.ReadAsync(position, options.BatchSize, wanted, stop);
                    var delivered = false;
                    skippedSinceSave += batch.Scanned - batch.Changes.Count;
                    if (batch.Changes.Count > 0)
                    {
                        var outcomes = await delivery.DeliverAllAsync(handler, batch.Changes, stop);
                        delivered = outcomes.Any(outcome => outcome != DeliveryOutcome.Skipped);
                        skippedSinceSave += outcomes.Count(outcome => outcome == DeliveryOutcome.Skipped);
                    }

                    if (batch.Scanned > 0)
                    {
                        position = batch.Checkpoint;
                    }

                    // Saving after changes the handler skipped is only worth it now and then (it bounds what a restart
                    // reads again); saving after each would turn every checkpoint write, itself a change, into another.
                    if (position != saved && (delivered || skippedSinceSave >= options.BatchSize))
                    {
                        await checkpoints.SaveAsync(handler.Name, position!, stop);
                        saved = position;
                        skippedSinceSave = 0;
                    }

                    if (batch.Scanned < options.BatchSize)
                    {
                        await Task.Delay(PollInterval, clock, stop);
                    }
                }
                catch (Exception error) when (!stop.IsCancellationRequested)
                {
                    monitor.Faulted(handler.Name, error);
                    await Task.Delay(PollInterval, clock, stop);
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Stopping: whatever was in flight (cancelled, or failing on a store shutting down) is delivered again next start.
        }
        finally
        {
            if (loaded && position is not null && position != saved)
            {
                await SaveOnStopAsync(handler, position);
            }
        }
    }

    /// <summary>Keeps the progress of a stopped loop; if the store is gone too, the changes are simply delivered again.</summary>
    private async Task SaveOnStopAsync(IChangeHandler handler, string position)
    {
        try
        {
            await checkpoints.SaveAsync(handler.Name, position, CancellationToken.None);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            monitor.Faulted(handler.Name, error);
        }
    }
}
