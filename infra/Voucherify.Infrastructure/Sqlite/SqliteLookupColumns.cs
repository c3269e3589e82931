using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The body paths the services look documents up by, each copied into a column of its own that holds the path's value
/// when it is a JSON string and NULL otherwise, and is indexed. An index on <c>json_extract(body, path)</c> made SQLite
/// parse the whole body for every index on every insert, and twice on every update (the old row and the new), a tenth
/// of a redemption's CPU; the writer already holds the body as an object and reads the values from it.
/// </summary>
internal static class SqliteLookupColumns
{
    /// <summary>Path, column and index, in the order of <see cref="ValuesOf"/>.</summary>
    public static readonly IReadOnlyList<(string Path, string Column, string Index)> All =
    [
        ("id", "lookup_id", "documents_by_body_id"),
        ("campaign_id", "lookup_campaign_id", "documents_by_campaign_id"),
        ("voucher.code", "lookup_voucher_code", "documents_by_voucher_code"),
        ("customer_id", "lookup_customer_id", "documents_by_customer_id"),
    ];

    /// <summary>"lookup_id, lookup_campaign_id, ..." for an INSERT's column list.</summary>
    public static readonly string ColumnList = string.Join(", ", All.Select(lookup => lookup.Column));

    /// <summary>"@lookup_id, @lookup_campaign_id, ..." for the values it binds.</summary>
    public static readonly string ParameterList = string.Join(", ", All.Select(lookup => "@" + lookup.Column));

    /// <summary>"lookup_id = @lookup_id, ..." for an UPDATE that replaces the body.</summary>
    public static readonly string Assignments = string.Join(", ", All.Select(lookup => $"{lookup.Column} = @{lookup.Column}"));

    /// <summary>Every column set again from the stored body, for a patch that may have changed one of the paths.</summary>
    public static readonly string RefreshFromBody = string.Join(", ", All.Select(lookup =>
        $"{lookup.Column} = CASE WHEN json_type(body, '$.{lookup.Path}') = 'text' THEN json_extract(body, '$.{lookup.Path}') END"));

    /// <summary>The column that holds the path's string value, or null if the path has none.</summary>
    public static string? ColumnOf(string path)
    {
        foreach (var lookup in All)
        {
            if (lookup.Path == path)
            {
                return lookup.Column;
            }
        }

        return null;
    }

    /// <summary>Each path's string value in the body, or null.</summary>
    public static string?[] ValuesOf(JsonObject body)
    {
        var values = new string?[All.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = TextAt(body, All[i].Path);
        }

        return values;
    }

    public static void Bind(SqliteCommand command, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@" + All[i].Column, (object?)values[i] ?? DBNull.Value);
        }
    }

    /// <summary>
    /// Whether a patch may change a looked-up path: it writes the path itself, one of its parents, or something inside
    /// it. Patches of counters and pending uses (every redemption's) touch none, so they leave the columns alone.
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

    private static bool Overlaps(string written, string looked) =>
        written == looked
        || (looked.Length > written.Length && looked.StartsWith(written, StringComparison.Ordinal) && looked[written.Length] == '.')
        || (written.Length > looked.Length && written.StartsWith(looked, StringComparison.Ordinal) && written[looked.Length] == '.');

    private static string? TextAt(JsonObject body, string path) =>
        DocumentPaths.Get(body, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
