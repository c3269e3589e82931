using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// A row a write returned, as the text SQLite produced. Turning it into a document parses the body, which is left
/// until the writer has let go, so the one writer spends its turn on SQL only.
/// </summary>
internal sealed record SqliteReturnedRow(string Body, string ETag, string CreatedAt, string UpdatedAt)
{
    public StoredDocument ToDocument(DocumentKey key) =>
        new(key, SqliteDocumentStore.ParseBody(Body), ETag, DocumentTimestamps.Parse(CreatedAt), DocumentTimestamps.Parse(UpdatedAt));
}
