using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// A pull-style feed of every committed write in commit order, resumable from an opaque checkpoint.
/// What <see cref="PollingChangeFeedProcessor"/> runs on (SQLite's change log); Cosmos DB, whose SDK pushes
/// changes through its own ChangeFeedProcessor, brings an <see cref="IChangeFeedProcessor"/> instead.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// The next <paramref name="maxChanges"/> changes after <paramref name="checkpoint"/> (null = from the beginning),
    /// of which only those whose key <paramref name="wanted"/> accepts are returned, so a feed can skip reading the
    /// bodies of the others; the checkpoint resumes after all of them.
    /// </summary>
    Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, Func<DocumentKey, bool> wanted, CancellationToken cancellationToken);
}
