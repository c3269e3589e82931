using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>The read cache's key for the last version of a document a page read, apart from its point reads' keys.</summary>
internal readonly record struct SqliteVersionKey(DocumentKey Key);
