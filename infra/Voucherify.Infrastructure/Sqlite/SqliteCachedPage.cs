using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A partition page as read, kept as text so every caller gets documents of its own to change.</summary>
internal sealed record SqliteCachedPage(IReadOnlyList<(DocumentKey Key, SqliteReturnedRow Row)> Rows, string? Continuation)
{
    public long Chars => Rows.Sum(r => (long)r.Row.Body.Length) + (Continuation?.Length ?? 0);

    public DocumentPage ToPage()
    {
        // Served on every validate for the voucher's (mostly empty) and the campaign's assignments: no iterators.
        var items = new StoredDocument[Rows.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Rows[i].Row.ToDocument(Rows[i].Key);
        }

        return new DocumentPage(items, Continuation);
    }
}
