using System.Globalization;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>The change log the store already writes with every commit, as a pull feed; a checkpoint is a sequence number.</summary>
public sealed class SqliteChangeFeed(SqliteDocumentStore store) : IChangeFeed
{
    public Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, CancellationToken cancellationToken) =>
        store.ReadChangesAsync(checkpoint, maxChanges, cancellationToken);

    public string CheckpointAfter(DocumentChange change) => change.Sequence.ToString(CultureInfo.InvariantCulture);
}
