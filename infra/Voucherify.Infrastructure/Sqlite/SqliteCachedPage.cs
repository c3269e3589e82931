using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A partition page as read, kept as text so every caller gets documents of its own to change.</summary>
internal sealed record SqliteCachedPage(IReadOnlyList<(DocumentKey Key, SqliteReturnedRow Row)> Rows, string? Continuation)
{
    public long Chars => Rows.Sum(r => (long)r.Row.Body.Length) + (Continuation?.Length ?? 0);

    public DocumentPage ToPage() => new(Rows.Select(r => r.Row.ToDocument(r.Key)).ToList(), Continuation);
}
