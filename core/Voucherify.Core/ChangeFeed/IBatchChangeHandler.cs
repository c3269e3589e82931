using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// A handler that can take a feed batch in one go, e.g. with one batched write instead of one write per change: under
/// load its writes then no longer queue one by one behind the store's single writer.
/// </summary>
public interface IBatchChangeHandler : IChangeHandler
{
    /// <summary>
    /// Handles changes the handler wants, in feed order. Throwing means "deliver them again one by one" through
    /// <see cref="IChangeHandler.HandleAsync"/> (with its retries and parking), so part of a failed batch may be
    /// handled twice, which idempotent handling makes harmless.
    /// </summary>
    Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken);
}
