using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The SQL expressions for a body path's value and its JSON type. The store-owned timestamps are
/// also columns (equal to the body's copy by construction), so filters and ordering on them use the indexes.
/// </summary>
/// <param name="Lookup">The column that holds some of the path's values (<see cref="SqliteLookupColumns"/>), if any.</param>
internal readonly record struct SqliteField(string Value, string Type, SqliteLookup? Lookup = null)
{
    /// <summary>The lookup column when it holds exactly the values of the given type, so a condition on them can use its index.</summary>
    public string? ColumnFor(SqliteLookupType type) => Lookup is { } lookup && lookup.Type == type ? lookup.Column : null;

    /// <param name="boundPaths">
    /// Where to bind the path as a parameter; null writes it as a literal, which a query needs to match an expression index.
    /// </param>
    public static SqliteField For(string path, SqlParameters? boundPaths = null)
    {
        if (path == DocumentTimestamps.CreatedAtPath)
        {
            return new("created_at", "'text'");
        }

        if (path == DocumentTimestamps.UpdatedAtPath)
        {
            return new("updated_at", "'text'");
        }

        var literal = boundPaths is null ? SqliteJsonPath.Literal(path) : SqliteJsonPath.Bound(path, boundPaths);
        return new($"json_extract(body, {literal})", $"json_type(body, {literal})", SqliteLookupColumns.Of(path));
    }

    /// <summary>
    /// What a query sorts by: the path's value, or its text lookup column when one of the query's conditions holds only
    /// for strings, since the column then equals the value on every row the query returns and its index is in order.
    /// </summary>
    public static string SortKey(DocumentQuery query)
    {
        var field = For(query.OrderBy);
        return field.ColumnFor(SqliteLookupType.Text) is { } column && query.Where.Any(condition => HoldsOnlyForStrings(condition, query.OrderBy))
            ? column
            : field.Value;
    }

    private static bool HoldsOnlyForStrings(Condition condition, string path) => condition is Comparison comparison && comparison.Path == path && comparison.Operator switch
    {
        ConditionOperator.Equal or ConditionOperator.LessThan or ConditionOperator.LessThanOrEqual or ConditionOperator.GreaterThan
            or ConditionOperator.GreaterThanOrEqual or ConditionOperator.StartsWith => IsString(comparison.Value),
        ConditionOperator.In => comparison.Value is JsonArray values && values.All(IsString),
        _ => false,
    };

    private static bool IsString(JsonNode? value) => SqliteJsonConstant.From(value).Kind == JsonValueKind.String;
}
