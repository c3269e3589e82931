using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The SQLite change log (a row per committed write, in the write's own transaction) as the pull feed the polling
/// processor runs on; a checkpoint is the sequence number of the last change read.
/// </summary>
public sealed class SqliteChangeFeed(SqliteDocumentStore store) : IChangeFeed
{
    public Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, Func<DocumentKey, bool> wanted, CancellationToken cancellationToken) =>
        store.ReadChangesAsync(checkpoint, maxChanges, wanted, cancellationToken);
}
