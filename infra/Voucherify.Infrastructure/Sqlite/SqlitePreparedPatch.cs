using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A patch turned into its statement before the write lock is taken, so the writer only binds and runs it.</summary>
internal sealed record SqlitePreparedPatch(DocumentKey Key, string Sql, SqlParameters Parameters, string ETag, string Stamp);
