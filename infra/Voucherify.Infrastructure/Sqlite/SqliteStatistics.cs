namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// What SQLite's query planner is told about the shape of a store (the sqlite_stat1 table), stated rather than
/// measured. Without it the planner takes every index to be as unselective as the next: it listed three vouchers by id
/// by walking every voucher in created order, since that saved sorting the page. Fixed figures keep each query's plan
/// the same on a new store as on a big one, and nothing runs ANALYZE to replace them.
/// </summary>
/// <remarks>
/// Each entry is the index's row count, then how many rows share each leading run of its columns. The store pictured:
/// a million documents of one project, a hundred thousand of a kind, ten in a partition; ids unique; ten thousand
/// vouchers to a campaign, a hundred redemptions to a voucher or a customer, a thousand order tallies to a customer;
/// half of the redemptions with each result, ten thousand to a campaign; almost nothing waiting for recovery.
/// </remarks>
internal static class SqliteStatistics
{
    public static readonly IReadOnlyDictionary<string, string> ByIndex = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sqlite_autoindex_documents_1"] = "1000000 1000000 100000 10 1",
        ["documents_by_created"] = "1000000 1000000 100000 1 1 1",
        ["documents_by_body_id"] = "1000000 1000000 100000 1",
        ["documents_by_campaign_id"] = "100000 100000 100000 10000 1 1 1",
        ["documents_by_voucher_code"] = "500000 500000 100000 100 1 1 1",
        ["documents_by_customer_id"] = "500000 500000 100000 100 1 1 1",
        ["documents_with_pending_uses"] = "10 10 10 1 1 1",
        ["documents_with_pending_rollback"] = "10 10 10 1 1 1",
        ["documents_by_order_created_at"] = "100000 100000 100000 1000 1 1",
        ["documents_by_result"] = "200000 200000 100000 50000 1 1 1",
        ["documents_by_voucher_campaign"] = "100000 100000 100000 10000 1 1 1",
    };

    /// <summary>
    /// Creates the statistics table if the file has none and puts these figures in it for the documents table; the last
    /// ANALYZE makes the migrating connection, which goes on to serve as a session, load them as a new one would.
    /// </summary>
    public static string Sql => string.Concat(
        "ANALYZE sqlite_schema; DELETE FROM sqlite_stat1 WHERE tbl = 'documents';",
        string.Concat(ByIndex.Select(entry => $"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('documents', '{entry.Key}', '{entry.Value}');")),
        "ANALYZE sqlite_schema;");
}
