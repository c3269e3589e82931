using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A patch turned into its statement before the write lock is taken, so the writer only binds and runs it.</summary>
/// <param name="TouchesLookups">Whether the patch may change a looked-up path, so its lookup columns are set again after it.</param>
internal sealed record SqlitePreparedPatch(DocumentKey Key, string Sql, SqlParameters Parameters, string ETag, string Stamp, bool TouchesLookups);
