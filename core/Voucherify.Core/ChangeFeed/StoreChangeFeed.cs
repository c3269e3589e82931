using System.Globalization;
using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// The change log every store writes with its commits (SQLite's changes table, Cosmos DB's change-log
/// container), as a pull feed; a checkpoint is the sequence number of the last change read.
/// </summary>
public sealed class StoreChangeFeed(IDocumentStore store) : IChangeFeed
{
    public Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, CancellationToken cancellationToken) =>
        store.ReadChangesAsync(checkpoint, maxChanges, cancellationToken);

    public string CheckpointAfter(DocumentChange change) => change.Sequence.ToString(CultureInfo.InvariantCulture);
}
