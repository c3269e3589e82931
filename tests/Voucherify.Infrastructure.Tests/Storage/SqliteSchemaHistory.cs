namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>SQL that takes a store file back to an earlier schema, for the migration tests.</summary>
internal static class SqliteSchemaHistory
{
    /// <summary>Undoes version 10: the created-at order within a partition comes back.</summary>
    public const string ToVersion9 = """
        CREATE INDEX documents_by_partition_created ON documents (project_id, kind, partition_key, created_at, id);
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('documents', 'documents_by_partition_created', '1000000 1000000 100000 10 1 1');
        """;

    /// <summary>Undoes versions 10 and 9: the lookups of the redemptions list's filters go too.</summary>
    public const string ToVersion8 = ToVersion9 + """
        DROP INDEX documents_by_result; ALTER TABLE documents DROP COLUMN lookup_result;
        DROP INDEX documents_by_voucher_campaign; ALTER TABLE documents DROP COLUMN lookup_voucher_campaign;
        DELETE FROM sqlite_stat1 WHERE idx IN ('documents_by_result', 'documents_by_voucher_campaign');
        """;

    /// <summary>Undoes versions 9 and 8: the order-date lookup goes too, and three lookup indexes lose their created-at order.</summary>
    public const string ToVersion7 = ToVersion8 + """
        DROP INDEX documents_by_order_created_at; ALTER TABLE documents DROP COLUMN lookup_order_created_at;
        DROP INDEX documents_by_campaign_id; DROP INDEX documents_by_voucher_code; DROP INDEX documents_by_customer_id;
        CREATE INDEX documents_by_campaign_id ON documents (project_id, kind, lookup_campaign_id) WHERE lookup_campaign_id IS NOT NULL;
        CREATE INDEX documents_by_voucher_code ON documents (project_id, kind, lookup_voucher_code) WHERE lookup_voucher_code IS NOT NULL;
        CREATE INDEX documents_by_customer_id ON documents (project_id, kind, lookup_customer_id) WHERE lookup_customer_id IS NOT NULL;
        """;

    /// <summary>Undoes version 7's lookups of what recovery looks for, and their indexes (from a file of version 7).</summary>
    public const string DropRecoveryLookups = """
        DROP INDEX documents_with_pending_uses; DROP INDEX documents_with_pending_rollback;
        ALTER TABLE documents DROP COLUMN lookup_pending_uses_count; ALTER TABLE documents DROP COLUMN lookup_pending_rollback;
        """;

    /// <summary>Takes a file of the current version back to version 6.</summary>
    public const string ToVersion6 = ToVersion7 + DropRecoveryLookups;

    /// <summary>Undoes versions 10 to 6: the partition index comes back, the lookup columns and their indexes go (a file of version 5 or earlier has none).</summary>
    public const string DropLookupColumns = ToVersion6 + """
        DROP INDEX documents_by_body_id; DROP INDEX documents_by_campaign_id; DROP INDEX documents_by_voucher_code; DROP INDEX documents_by_customer_id;
        ALTER TABLE documents DROP COLUMN lookup_id; ALTER TABLE documents DROP COLUMN lookup_campaign_id;
        ALTER TABLE documents DROP COLUMN lookup_voucher_code; ALTER TABLE documents DROP COLUMN lookup_customer_id;
        """;
}
