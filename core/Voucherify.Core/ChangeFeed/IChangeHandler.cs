using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// Reacts to committed writes. Delivery is at least once (a crash between handling a change and
/// recording the checkpoint delivers it again), so <see cref="HandleAsync"/> must be idempotent.
/// Changes of one document arrive in the order they were written.
/// </summary>
public interface IChangeHandler
{
    /// <summary>Stable and unique: it names the handler's checkpoint (or Cosmos lease prefix) and its parked changes.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the handler wants changes of this document (usually decided by kind). Decided on the key alone
    /// so a feed can skip changes without reading bodies. Feed bookkeeping (checkpoints, parked changes) never reaches a handler.
    /// </summary>
    bool Wants(DocumentKey key);

    /// <summary>Throwing means "try again": the change is retried with back-off and parked after the last attempt.</summary>
    Task HandleAsync(DocumentChange change, CancellationToken cancellationToken);
}
