using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The body paths the services look documents up by, each copied into a column of its own (<see cref="SqliteLookup"/>)
/// and indexed. An index on <c>json_extract(body, path)</c> made SQLite parse the whole body for every index on every
/// insert, and twice on every update (the old row and the new), a tenth of a redemption's CPU; the writer already holds
/// the body as an object and reads the values from it.
/// </summary>
internal static class SqliteLookupColumns
{
    /// <summary>Every lookup, in the order of <see cref="ValuesOf"/>.</summary>
    public static readonly IReadOnlyList<SqliteLookup> All =
    [
        ByValue("id", "lookup_id", "documents_by_body_id", since: 6),

        // A campaign's vouchers, a voucher's and a customer's redemptions are listed and paged newest or oldest first:
        // the index holds them in that order, so a page reads its rows and no more (version 8; before, every page
        // sorted all of them, and a redemptions list filtered on more than the voucher walked every redemption).
        ByValue("campaign_id", "lookup_campaign_id", "documents_by_campaign_id", since: 6, orderedSince: 8),
        ByValue("voucher.code", "lookup_voucher_code", "documents_by_voucher_code", since: 6, orderedSince: 8),
        ByValue("customer_id", "lookup_customer_id", "documents_by_customer_id", since: 6, orderedSince: 8),

        // The redemptions list's documented filters, the result and the campaign (by name), each alone or with the order
        // of the list: without them a page of failures, or of one campaign, walked every redemption newer than the page,
        // and the list's total counted every redemption of the project by reading its body (version 9).
        ByValue("result", "lookup_result", "documents_by_result", since: 9, orderedSince: 9),
        ByValue("voucher.campaign", "lookup_voucher_campaign", "documents_by_voucher_campaign", since: 9, orderedSince: 9),

        // What recovery looks for (a journal entry on a voucher or rule counter, a rollback in progress): almost never
        // there, so each index holds only the documents that have it, in the order recovery pages through them. Without
        // them recovery's query walked every voucher and redemption once a minute, holding one snapshot for seconds.
        new("pending_uses_count", "lookup_pending_uses_count", SqliteLookupType.Number, "documents_with_pending_uses",
            "(project_id, kind, created_at, id, partition_key) WHERE lookup_pending_uses_count > 0", Since: 7),
        new("pending_rollback", "lookup_pending_rollback", SqliteLookupType.Present, "documents_with_pending_rollback",
            "(project_id, kind, created_at, id, partition_key) WHERE lookup_pending_rollback IS NOT NULL", Since: 7),

        // A customer's order tallies, latest order first, for the summary's last order when that one stops counting:
        // sorting all of a customer's tallies by the body path took 4.9 s for 317,182 of them (version 8).
        new("order_created_at", "lookup_order_created_at", SqliteLookupType.Text, "documents_by_order_created_at",
            "(project_id, kind, partition_key, lookup_order_created_at, id) WHERE lookup_order_created_at IS NOT NULL", Since: 8),
    ];

    /// <summary>"lookup_id, lookup_campaign_id, ..." for an INSERT's column list.</summary>
    public static readonly string ColumnList = string.Join(", ", All.Select(lookup => lookup.Column));

    /// <summary>"@lookup_id, @lookup_campaign_id, ..." for the values it binds.</summary>
    public static readonly string ParameterList = string.Join(", ", All.Select(lookup => "@" + lookup.Column));

    /// <summary>"lookup_id = @lookup_id, ..." for an UPDATE that replaces the body.</summary>
    public static readonly string Assignments = string.Join(", ", All.Select(lookup => $"{lookup.Column} = @{lookup.Column}"));

    /// <summary>Every column set again from the stored body, for a patch that may have changed one of the paths.</summary>
    public static readonly string RefreshFromBody = Refresh(All);

    /// <summary>The lookup of the path, if it has one.</summary>
    public static SqliteLookup? Of(string path)
    {
        foreach (var lookup in All)
        {
            if (lookup.Path == path)
            {
                return lookup;
            }
        }

        return null;
    }

    /// <summary>Each lookup's value in the body, or null.</summary>
    public static object?[] ValuesOf(JsonObject body)
    {
        var values = new object?[All.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = All[i].ValueIn(body);
        }

        return values;
    }

    public static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@" + All[i].Column, values[i] ?? DBNull.Value);
        }
    }

    /// <summary>
    /// Whether a patch may change a looked-up path: it writes the path itself, one of its parents, or something inside
    /// it. The patches of a redemption's counters touch none, so they leave the columns alone; a rollback's journal
    /// entries move <c>pending_uses_count</c>, and are rare.
    /// </summary>
    public static bool Touches(IReadOnlyList<PatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            foreach (var lookup in All)
            {
                if (Overlaps(operation.Path, lookup.Path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The SQL that adds the lookups of one schema version to a file written before it: the columns, their values for
    /// the documents already stored (only rows that have one are written), and the indexes that version built or rebuilt.
    /// </summary>
    public static string Migration(long version)
    {
        var added = All.Where(lookup => lookup.Since == version).ToList();
        var filled = added.Count == 0
            ? string.Empty
            : $"UPDATE documents SET {Refresh(added)} WHERE {string.Join(" OR ", added.Select(lookup => $"({lookup.FromBody}) IS NOT NULL"))};";
        return string.Concat(
            string.Concat(added.Select(lookup => $"DROP INDEX IF EXISTS {lookup.Index}; ALTER TABLE documents ADD COLUMN {lookup.Column} {lookup.ColumnType};")),
            filled,
            string.Concat(All.Where(lookup => lookup.IndexVersion == version).Select(lookup =>
                $"DROP INDEX IF EXISTS {lookup.Index}; CREATE INDEX {lookup.Index} ON documents {lookup.IndexDefinition};")));
    }

    /// <param name="orderedSince">The schema version from which the index also holds each value's documents in created order.</param>
    private static SqliteLookup ByValue(string path, string column, string index, long since, long? orderedSince = null) =>
        new(path, column, SqliteLookupType.Text, index,
            $"(project_id, kind, {column}{(orderedSince is null ? string.Empty : ", created_at, id, partition_key")}) WHERE {column} IS NOT NULL",
            since, orderedSince);

    private static string Refresh(IEnumerable<SqliteLookup> lookups) =>
        string.Join(", ", lookups.Select(lookup => $"{lookup.Column} = {lookup.FromBody}"));

    private static bool Overlaps(string written, string looked) =>
        written == looked
        || (looked.Length > written.Length && looked.StartsWith(written, StringComparison.Ordinal) && looked[written.Length] == '.')
        || (written.Length > looked.Length && written.StartsWith(looked, StringComparison.Ordinal) && written[looked.Length] == '.');
}
