using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A document ready to insert: what the caller gets back, the stored text, the timestamp it carries and its lookup columns.</summary>
internal sealed record SqliteInsert(StoredDocument Stored, string Text, string Stamp, object?[] Lookups);
