using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// A pull-style feed of every committed write in commit order, resumable from an opaque checkpoint.
/// What <see cref="PollingChangeFeedProcessor"/> runs on (SQLite's change log); Cosmos DB, whose SDK pushes
/// changes through its own ChangeFeedProcessor, brings an <see cref="IChangeFeedProcessor"/> instead.
/// </summary>
public interface IChangeFeed
{
    /// <summary>Changes after <paramref name="checkpoint"/> (null = from the beginning), at most <paramref name="maxChanges"/>.</summary>
    Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, CancellationToken cancellationToken);

    /// <summary>
    /// The same <paramref name="maxChanges"/> changes, of which only those whose key <paramref name="wanted"/> accepts are
    /// returned; the checkpoint resumes after all of them. A feed that keeps bodies apart from keys overrides it to skip
    /// reading the bodies of the others.
    /// </summary>
    async Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, Func<DocumentKey, bool> wanted, CancellationToken cancellationToken)
    {
        var batch = await ReadAsync(checkpoint, maxChanges, cancellationToken);
        return new ChangeBatch(batch.Changes.Where(change => wanted(change.Key)).ToList(), batch.Checkpoint) { Scanned = batch.Changes.Count };
    }
}
