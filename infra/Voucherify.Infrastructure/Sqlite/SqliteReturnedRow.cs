using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// A row a write or a read returned, as the text SQLite produced. The document it becomes parses its body only when
/// asked, never while the one writer holds its turn.
/// </summary>
internal sealed record SqliteReturnedRow(string Body, string ETag, string CreatedAt, string UpdatedAt)
{
    public StoredDocument ToDocument(DocumentKey key) =>
        new(key, Body, ETag, DocumentTimestamps.Parse(CreatedAt), DocumentTimestamps.Parse(UpdatedAt));
}
