using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The change log's earlier versions of a document. The log keeps a row per committed write with the body it left and
/// is never cut back, so every version the feed delivered is still there.
/// </summary>
public sealed class SqliteVersionLog(SqliteDocumentStore store) : IVersionLog
{
    public Task<IReadOnlyList<DocumentChange>> VersionsBeforeAsync(DocumentKey key, long sequence, CancellationToken cancellationToken) =>
        store.ReadVersionsBeforeAsync(key, sequence, cancellationToken);
}
