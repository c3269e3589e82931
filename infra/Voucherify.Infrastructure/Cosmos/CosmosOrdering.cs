using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// The listing order, cut into segments by the type of the sort value: missing or null first, then
/// booleans, numbers, strings, and arrays or objects last (reversed when descending). Within a segment
/// documents order by value (booleans, numbers, strings only), then id, then partition key.
/// Why segments: Cosmos DB serves an ORDER BY on several paths only from a declared composite index,
/// and listings sort by arbitrary body paths, so every query orders by one path (the value, or the id)
/// and each query stays within one type, where that one path orders exactly as the port wants; the
/// remaining tie-break is done here, on a bounded window.
/// </summary>
internal static class CosmosOrdering
{
    public const int Nullish = 0;
    public const int Other = 4;

    private static readonly int[] Ascending = [0, 1, 2, 3, 4];
    private static readonly int[] Descending = [4, 3, 2, 1, 0];

    /// <summary>The segments in listing order, from <paramref name="start"/> on.</summary>
    public static IEnumerable<int> From(int start, bool descending)
    {
        var order = descending ? Descending : Ascending;
        return order.SkipWhile(segment => segment != start);
    }

    public static int First(bool descending) => descending ? Descending[0] : Ascending[0];

    /// <summary>Segments whose documents are ordered by their value before the id.</summary>
    public static bool Valued(int segment) => segment is 1 or 2 or 3;

    public static CosmosPredicate Test(int segment, string field) => segment switch
    {
        Nullish => CosmosSql.IsNullish(field),
        1 => CosmosPredicate.Function($"IS_BOOL({field})"),
        2 => CosmosPredicate.Function($"IS_NUMBER({field})"),
        3 => CosmosPredicate.Function($"IS_STRING({field})"),
        _ => CosmosPredicate.Or(CosmosPredicate.Function($"IS_ARRAY({field})"), CosmosPredicate.Function($"IS_OBJECT({field})")),
    };

    public static int Segment(JsonNode? value) => (value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Nullish,
        JsonValueKind.True or JsonValueKind.False => 1,
        JsonValueKind.Number => 2,
        JsonValueKind.String => 3,
        _ => Other,
    };

    /// <summary>Compares two values of one valued segment the way Cosmos DB orders them.</summary>
    public static int CompareValues(JsonNode? left, JsonNode? right) => (left?.GetValueKind(), right?.GetValueKind()) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => Number(left!).CompareTo(Number(right!)),
        (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()),
        (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => left!.GetValue<bool>().CompareTo(right!.GetValue<bool>()),
        _ => 0,
    };

    // Through the JSON text, which holds whatever CLR number type the node was made from.
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
