using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>The file's tables and indexes; user_version records which shape a file has.</summary>
internal static class SqliteSchema
{
    public const long Version = 10;

    private const string CreateVersion1 = """
        CREATE TABLE IF NOT EXISTS documents (
            project_id    TEXT NOT NULL,
            kind          TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            id            TEXT NOT NULL,
            body          TEXT NOT NULL,
            etag          TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            PRIMARY KEY (project_id, kind, partition_key, id)
        );
        -- Listing a kind newest or oldest first, and keyset paging through it, walk these in order.
        CREATE INDEX IF NOT EXISTS documents_by_created ON documents (project_id, kind, created_at, id, partition_key);
        CREATE INDEX IF NOT EXISTS documents_by_partition_created ON documents (project_id, kind, partition_key, created_at, id);
        -- AUTOINCREMENT: a sequence is never reused, even after the newest changes are deleted, so a checkpoint stays valid.
        CREATE TABLE IF NOT EXISTS changes (
            sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
            project_id    TEXT NOT NULL,
            kind          TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            id            TEXT NOT NULL,
            change        TEXT NOT NULL,
            body          TEXT,
            etag          TEXT,
            at            TEXT NOT NULL
        );
        PRAGMA user_version = 1;
        """;

    // Expression indexes for the body paths the service looks up by: a voucher by its v_ id, a
    // campaign's vouchers, a voucher's and a customer's redemptions. Without them those lookups scan
    // every document of the kind. The expressions match SqliteField's text exactly, or SQLite ignores them.
    private const string CreateVersion2 = """
        CREATE INDEX IF NOT EXISTS documents_by_body_id ON documents (project_id, kind, json_extract(body, '$.id'));
        CREATE INDEX IF NOT EXISTS documents_by_campaign_id ON documents (project_id, kind, json_extract(body, '$.campaign_id'));
        CREATE INDEX IF NOT EXISTS documents_by_voucher_code ON documents (project_id, kind, json_extract(body, '$.voucher.code'));
        CREATE INDEX IF NOT EXISTS documents_by_customer_id ON documents (project_id, kind, json_extract(body, '$.customer_id'));
        PRAGMA user_version = 2;
        """;

    // The audit trail is read from the change log (SqliteAuditLog): one object's changes in order.
    private const string CreateVersion3 = """
        CREATE INDEX IF NOT EXISTS changes_by_object ON changes (project_id, id, sequence);
        PRAGMA user_version = 3;
        """;

    // How many documents each project holds of each kind, kept by the writes themselves (triggers, so in the same
    // transaction): a list's total is one row read instead of a count over the kind. Keys never change on update.
    private const string CreateVersion4 = """
        CREATE TABLE IF NOT EXISTS kind_counts (
            project_id TEXT NOT NULL,
            kind       TEXT NOT NULL,
            n          INTEGER NOT NULL,
            PRIMARY KEY (project_id, kind)
        ) WITHOUT ROWID;
        INSERT INTO kind_counts (project_id, kind, n) SELECT project_id, kind, COUNT(*) FROM documents GROUP BY project_id, kind;
        CREATE TRIGGER IF NOT EXISTS documents_counted_on_insert AFTER INSERT ON documents BEGIN
            INSERT INTO kind_counts (project_id, kind, n) VALUES (NEW.project_id, NEW.kind, 1)
            ON CONFLICT (project_id, kind) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS documents_counted_on_delete AFTER DELETE ON documents BEGIN
            UPDATE kind_counts SET n = n - 1 WHERE project_id = OLD.project_id AND kind = OLD.kind;
        END;
        PRAGMA user_version = 4;
        """;

    // The body-path indexes hold only documents that have the path: most kinds lack most of these paths, and each entry
    // is a B-tree insert on every write (and a delete and an insert on every update). A lookup compares the path with a
    // value, which implies it is not null, so SQLite still picks these indexes for every condition the service uses
    // on them (=, IN); only a search for documents without the path, which no service makes, would scan the kind.
    private const string CreateVersion5 = """
        DROP INDEX IF EXISTS documents_by_body_id;
        DROP INDEX IF EXISTS documents_by_campaign_id;
        DROP INDEX IF EXISTS documents_by_voucher_code;
        DROP INDEX IF EXISTS documents_by_customer_id;
        CREATE INDEX documents_by_body_id ON documents (project_id, kind, json_extract(body, '$.id'))
            WHERE json_extract(body, '$.id') IS NOT NULL;
        CREATE INDEX documents_by_campaign_id ON documents (project_id, kind, json_extract(body, '$.campaign_id'))
            WHERE json_extract(body, '$.campaign_id') IS NOT NULL;
        CREATE INDEX documents_by_voucher_code ON documents (project_id, kind, json_extract(body, '$.voucher.code'))
            WHERE json_extract(body, '$.voucher.code') IS NOT NULL;
        CREATE INDEX documents_by_customer_id ON documents (project_id, kind, json_extract(body, '$.customer_id'))
            WHERE json_extract(body, '$.customer_id') IS NOT NULL;
        PRAGMA user_version = 5;
        """;

    // The looked-up paths move from expression indexes into columns the writer fills (SqliteLookupColumns), and the kind
    // counts from triggers into one statement per kind and group commit (SqliteKindCounts): a trigger made every insert
    // run a second program and keep a statement journal in case it failed halfway.
    private static readonly string CreateVersion6 = string.Concat(
        "DROP TRIGGER IF EXISTS documents_counted_on_insert; DROP TRIGGER IF EXISTS documents_counted_on_delete;",
        SqliteLookupColumns.Migration(6),
        "PRAGMA user_version = 6;");

    // The paths redemption recovery looks for become lookups too (SqliteLookupColumns says why), each with an index that
    // holds only the documents recovery has to repair.
    private static readonly string CreateVersion7 = SqliteLookupColumns.Migration(7) + "PRAGMA user_version = 7;";

    // Three lookup indexes hold their documents in created-at order too, and a customer's order tallies get a lookup for
    // the date of their order (SqliteLookupColumns says why).
    private static readonly string CreateVersion8 = SqliteLookupColumns.Migration(8) + "PRAGMA user_version = 8;";

    // The redemptions list's result and campaign filters get lookups of their own (SqliteLookupColumns says why).
    private static readonly string CreateVersion9 = SqliteLookupColumns.Migration(9) + "PRAGMA user_version = 9;";

    // The created-at order within a partition goes: every kind the services page through by partition holds a few
    // documents per partition (a rule's assignments to one object, a handler's parked changes), which the key finds and a
    // sort of that handful orders, while every insert of every kind paid a B-tree insert into it, one partition per
    // document for most kinds: ~4.4 of the ~38 pages a half-load commit wrote (DESIGN.md, "Reads without the map, and rarer
    // WAL restarts").
    private const string CreateVersion10 = """
        DROP INDEX IF EXISTS documents_by_partition_created;
        PRAGMA user_version = 10;
        """;

    public static void Ensure(SqliteConnection connection)
    {
        // Journal mode is stored in the file and cannot change inside a transaction.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            var version = (long)Scalar(connection, "PRAGMA user_version;")!;
            if (version > Version)
            {
                throw new InvalidOperationException(
                    $"The store file has schema version {version}; this build knows up to {Version}.");
            }

            if (version < 1)
            {
                Execute(connection, CreateVersion1);
            }

            if (version < 2)
            {
                Execute(connection, CreateVersion2);
            }

            if (version < 3)
            {
                Execute(connection, CreateVersion3);
            }

            if (version < 4)
            {
                Execute(connection, CreateVersion4);
            }

            if (version < 5)
            {
                Execute(connection, CreateVersion5);
            }

            if (version < 6)
            {
                Execute(connection, CreateVersion6);
            }

            if (version < 7)
            {
                Execute(connection, CreateVersion7);
            }

            if (version < 8)
            {
                Execute(connection, CreateVersion8);
            }

            if (version < 9)
            {
                Execute(connection, CreateVersion9);
            }

            if (version < 10)
            {
                Execute(connection, CreateVersion10);
            }

            // The planner's figures (SqliteStatistics) describe every index of the current schema, so they are written
            // once after whatever migrations ran, not by each version that adds an index (since version 8).
            if (version < Version)
            {
                Execute(connection, SqliteStatistics.Sql);
            }

            Execute(connection, "COMMIT;");
        }
        catch
        {
            Execute(connection, "ROLLBACK;");
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
