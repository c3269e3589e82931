namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// Runs every registered <see cref="IChangeHandler"/> over the store's change feed, each handler on its own
/// checkpoint, delivering through <see cref="ChangeDelivery"/> (retry, back-off, park). Push-style so that both
/// a polling loop (SQLite) and Cosmos DB's ChangeFeedProcessor (a lease container, one processor per handler) fit.
/// A hosted service starts and stops it.
/// </summary>
public interface IChangeFeedProcessor : IAsyncDisposable
{
    /// <summary>Starts delivering in the background and returns once started.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops delivering. A change in flight is abandoned, never half-recorded: its checkpoint was not advanced,
    /// so the next start delivers it again.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}
