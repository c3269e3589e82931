using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Lists;

/// <summary>
/// Turns the contract's deepObject filters into store conditions over allowed fields only
/// (an unknown field or operator is a 400, never a query over an arbitrary path).
/// </summary>
public static class FieldFilters
{
    public static IEnumerable<Condition> ToConditions(IEnumerable<FieldFilter> filters, IReadOnlyDictionary<string, string> allowedPaths, string junction)
    {
        if (junction is not ("and" or "AND"))
        {
            throw Problems.InvalidQueryParams("filters[junction] supports only \"and\".");
        }

        foreach (var filter in filters)
        {
            if (!allowedPaths.TryGetValue(filter.Field, out var path))
            {
                throw Problems.InvalidQueryParams($"Cannot filter by {filter.Field}; allowed: {string.Join(", ", allowedPaths.Keys)}.");
            }

            yield return ToCondition(path, filter);
        }
    }

    private static Condition ToCondition(string path, FieldFilter filter)
    {
        var first = filter.Values.FirstOrDefault() ?? string.Empty;
        return filter.Operator switch
        {
            "$is" => Condition.Eq(path, first),
            "$is_not" => Condition.NotEq(path, first),
            "$in" => Condition.In(path, new JsonArray(filter.Values.Select(v => (JsonNode?)v).ToArray())),
            "$starts_with" => Condition.StartsWith(path, first),
            "$has_value" => Condition.IsNotNull(path),
            "$is_unknown" => Condition.IsNull(path),
            _ => throw Problems.InvalidQueryParams($"Operator {filter.Operator} is not supported on {filter.Field}."),
        };
    }
}
