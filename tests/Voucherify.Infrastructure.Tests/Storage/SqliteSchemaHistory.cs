namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>SQL that takes a store file back to an earlier schema, for the migration tests.</summary>
internal static class SqliteSchemaHistory
{
    /// <summary>Undoes version 7's lookups of what recovery looks for, and their indexes.</summary>
    public const string DropRecoveryLookups = """
        DROP INDEX documents_with_pending_uses; DROP INDEX documents_with_pending_rollback;
        ALTER TABLE documents DROP COLUMN lookup_pending_uses_count; ALTER TABLE documents DROP COLUMN lookup_pending_rollback;
        """;

    /// <summary>Undoes the lookup columns of versions 6 and 7 and their indexes (a file of version 5 or earlier has none).</summary>
    public const string DropLookupColumns = DropRecoveryLookups + """
        DROP INDEX documents_by_body_id; DROP INDEX documents_by_campaign_id; DROP INDEX documents_by_voucher_code; DROP INDEX documents_by_customer_id;
        ALTER TABLE documents DROP COLUMN lookup_id; ALTER TABLE documents DROP COLUMN lookup_campaign_id;
        ALTER TABLE documents DROP COLUMN lookup_voucher_code; ALTER TABLE documents DROP COLUMN lookup_customer_id;
        """;
}
