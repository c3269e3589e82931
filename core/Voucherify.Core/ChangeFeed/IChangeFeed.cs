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

    /// <summary>The checkpoint that resumes right after <paramref name="change"/>, so progress can be kept change by change.</summary>
    string CheckpointAfter(DocumentChange change);
}
