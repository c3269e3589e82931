namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>SQL that takes a store file back to an earlier schema, for the migration tests.</summary>
internal static class SqliteSchemaHistory
{
    /// <summary>Undoes version 6's lookup columns and their indexes (a file of version 5 or earlier has neither).</summary>
    public const string DropLookupColumns = """
        DROP INDEX documents_by_body_id; DROP INDEX documents_by_campaign_id; DROP INDEX documents_by_voucher_code; DROP INDEX documents_by_customer_id;
        ALTER TABLE documents DROP COLUMN lookup_id; ALTER TABLE documents DROP COLUMN lookup_campaign_id;
        ALTER TABLE documents DROP COLUMN lookup_voucher_code; ALTER TABLE documents DROP COLUMN lookup_customer_id;
        """;
}
