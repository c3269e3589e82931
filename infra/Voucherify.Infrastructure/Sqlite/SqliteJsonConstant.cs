using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// A JSON constant split into its JSON kind and the SQL value that json_extract would return for
/// it, so a comparison binds the matching SQL type: numbers as INTEGER or REAL, strings as TEXT,
/// booleans as 1/0, objects and arrays as minified JSON text.
/// </summary>
internal readonly record struct SqliteJsonConstant(JsonValueKind Kind, object? SqlValue)
{
    public static SqliteJsonConstant From(JsonNode? node)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        return kind switch
        {
            JsonValueKind.Number => new(kind, ParseNumber(node!.ToJsonString())),
            JsonValueKind.String => new(kind, ReadString(node!)),
            JsonValueKind.True => new(kind, 1L),
            JsonValueKind.False => new(kind, 0L),
            JsonValueKind.Object or JsonValueKind.Array => new(kind, node!.ToJsonString()),
            _ => new(JsonValueKind.Null, null),
        };
    }

    /// <summary>Integers stay exact as INTEGER; anything else is compared as REAL, as SQLite does with JSON numbers.</summary>
    private static object ParseNumber(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // A JsonValue may wrap a Guid, a DateTimeOffset or a char: its JSON text is the one form every kind shares.
    private static string ReadString(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.GetString()!;
    }
}
