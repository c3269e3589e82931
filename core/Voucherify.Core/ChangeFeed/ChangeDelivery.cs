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
    /// Returns once the change is handled, skipped or parked, which is when its checkpoint may advance.
    /// Throws only if cancelled or if parking itself failed; then the change must be delivered again.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(IChangeHandler handler, DocumentChange change, CancellationToken cancellationToken)
    {
        if (ChangeFeedKeys.IsBookkeeping(change.Key) || !handler.Wants(change.Key))
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
}
