using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// A row a write or a read returned, as the text SQLite produced. The document it becomes parses its body only when
/// asked, never while the one writer holds its turn.
/// </summary>
internal sealed record SqliteReturnedRow(string Body, string ETag, string CreatedAt, string UpdatedAt)
{
    private readonly DateTimeOffset createdAt = DocumentTimestamps.Parse(CreatedAt);
    private readonly DateTimeOffset updatedAt = DocumentTimestamps.Parse(UpdatedAt);

    /// <summary>Every document made from this row, which the read cache may hand out many times, shares its typed reads.</summary>
    public SharedReads Shared { get; } = new();

    public StoredDocument ToDocument(DocumentKey key) => new(key, Body, ETag, createdAt, updatedAt, Shared);
}
