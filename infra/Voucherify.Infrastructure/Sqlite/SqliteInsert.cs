using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A document ready to insert: what the caller gets back, the stored text and the timestamp it carries.</summary>
internal sealed record SqliteInsert(StoredDocument Stored, string Text, string Stamp);
