namespace Voucherify.Infrastructure.Sqlite;

/// <summary>The first page of a partition in one order: what a partition query without conditions reads.</summary>
internal readonly record struct SqliteCachedPageKey(string ProjectId, string Kind, string PartitionKey, string OrderBy, bool Descending, int PageSize);
