using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A body path copied into a column of its own by every write, and the index over that column.</summary>
/// <param name="IndexDefinition">What follows <c>ON documents</c> in the index's CREATE statement.</param>
/// <param name="Since">The schema version that added the column; its migration adds and fills it.</param>
/// <param name="IndexSince">The schema version that built the index as defined now, if a later one than <paramref name="Since"/>.</param>
internal sealed record SqliteLookup(string Path, string Column, SqliteLookupType Type, string Index, string IndexDefinition, long Since, long? IndexSince = null)
{
    public long IndexVersion => IndexSince ?? Since;

    // The writer reads every lookup of every document it inserts: the path is split once, here.
    private readonly string[] segments = Path.Split('.');

    /// <summary>The column's declared type: numbers keep the type JSON gave them (integer or real), as json_extract does.</summary>
    public string ColumnType => Type switch
    {
        SqliteLookupType.Text => "TEXT",
        SqliteLookupType.Present => "INTEGER",
        _ => string.Empty,
    };

    /// <summary>The column's value computed from the stored body, for a patch (which SQLite applies) and a migration.</summary>
    public string FromBody => Type switch
    {
        SqliteLookupType.Text => $"CASE WHEN json_type(body, '$.{Path}') = 'text' THEN json_extract(body, '$.{Path}') END",
        SqliteLookupType.Number => $"CASE WHEN json_type(body, '$.{Path}') IN ('integer','real') THEN json_extract(body, '$.{Path}') END",
        _ => $"CASE WHEN json_type(body, '$.{Path}') <> 'null' THEN 1 END",
    };

    /// <summary>The column's value read from a body the writer holds: the same value <see cref="FromBody"/> computes.</summary>
    public object? ValueIn(JsonObject body)
    {
        var node = DocumentPaths.Get(body, segments);
        return Type switch
        {
            SqliteLookupType.Text => node is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : null,
            SqliteLookupType.Number => node is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? NumberOf(number) : null,
            _ => node is null ? null : 1L,
        };
    }

    /// <summary>An integer as SQLite reads one (a 64-bit integer when it fits), anything else as a double.</summary>
    private static object NumberOf(JsonValue number)
    {
        var text = number.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
