using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// Hands one change to one handler: retries a failure with exponential back-off on the injected clock, and after
/// <see cref="ChangeFeedOptions.MaxAttempts"/> failures parks the change and reports it done, so one bad change
/// never stops the handler. Shared by every processor: the polling one calls it per change, a Cosmos DB
/// ChangeFeedProcessor delegate calls it for each change of its batch before the SDK checkpoints the lease.
/// </summary>
public sealed class ChangeDelivery(ParkedChanges parked, ChangeFeedOptions options, TimeProvider clock, IChangeFeedMonitor? monitor = null)
{
    private readonly IChangeFeedMonitor monitor = monitor ?? SilentChangeFeedMonitor.Instance;

    /// <summary>
    /// Delivers a feed batch: to a <see cref="IBatchChangeHandler"/> in one call, falling back to change-by-change
    /// delivery if that fails; to any other handler change by change. Returns, per change, what
    /// <see cref="DeliverAsync"/> would have, once every one of them may be checkpointed.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAllAsync(IChangeHandler handler, IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        var outcomes = changes.Select(change => Wanted(handler, change) ? DeliveryOutcome.Handled : DeliveryOutcome.Skipped).ToArray();
        if (handler is IBatchChangeHandler batchHandler && outcomes.Count(outcome => outcome == DeliveryOutcome.Handled) > 1)
        {
            try
            {
                await batchHandler.HandleBatchAsync(changes.Where((_, i) => outcomes[i] == DeliveryOutcome.Handled).ToList(), cancellationToken);
                return outcomes;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                monitor.Faulted(handler.Name, error);
            }
        }

        for (var i = 0; i < changes.Count; i++)
        {
            outcomes[i] = await DeliverAsync(handler, changes[i], cancellationToken);
        }

        return outcomes;
    }

    /// <summary>
    /// Returns once the change is handled, skipped or parked, which is when its checkpoint may advance.
    /// Throws only if cancelled or if parking itself failed; then the change must be delivered again.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(IChangeHandler handler, DocumentChange change, CancellationToken cancellationToken)
    {
        if (!Wanted(handler, change))
        {
            return DeliveryOutcome.Skipped;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handler.HandleAsync(change, cancellationToken);
                return DeliveryOutcome.Handled;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttempts)
                {
                    await parked.ParkAsync(handler.Name, change, error, attempt, cancellationToken);
                    monitor.Parked(handler.Name, change, error, attempt);
                    return DeliveryOutcome.Parked;
                }

                var delay = options.RetryDelay(attempt);
                monitor.Retrying(handler.Name, change, error, attempt, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    /// <summary>Whether a change of <paramref name="key"/> reaches the handler at all: feed bookkeeping never does.</summary>
    public static bool Wanted(IChangeHandler handler, DocumentKey key) =>
        !ChangeFeedKeys.IsBookkeeping(key) && handler.Wants(key);

    private static bool Wanted(IChangeHandler handler, DocumentChange change) => Wanted(handler, change.Key);
}
