using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Evaluates conditions on a body in process, with the same semantics as <see cref="CosmosSql"/>.
/// Only used after a patch filter failed, on a fresh read, to tell "the caller's guard does not
/// hold" from "the document changed under the plan": the guard itself is enforced by Cosmos DB.
/// </summary>
internal static class CosmosConditions
{
    public static bool Hold(IReadOnlyList<Condition>? conditions, JsonObject body) =>
        conditions is null || conditions.All(condition => Holds(condition, body));

    private static bool Holds(Condition condition, JsonObject body) => condition switch
    {
        Comparison comparison => Compare(comparison, body),
        PathComparison paths => ComparePaths(paths, body),
        AnyOf anyOf => anyOf.Alternatives.Any(alternative => Holds(alternative, body)),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static bool Compare(Comparison comparison, JsonObject body)
    {
        var value = DocumentPaths.Get(body, comparison.Path);
        return comparison.Operator switch
        {
            ConditionOperator.Equal => AreEqual(value, comparison.Value),
            ConditionOperator.NotEqual => !AreEqual(value, comparison.Value),
            ConditionOperator.LessThan => Order(value, comparison.Value) is < 0,
            ConditionOperator.LessThanOrEqual => Order(value, comparison.Value) is <= 0,
            ConditionOperator.GreaterThan => Order(value, comparison.Value) is > 0,
            ConditionOperator.GreaterThanOrEqual => Order(value, comparison.Value) is >= 0,
            ConditionOperator.In => comparison.Value is JsonArray values && values.Any(candidate => AreEqual(value, candidate)),
            ConditionOperator.StartsWith => Kind(value) == JsonValueKind.String
                && value!.GetValue<string>().StartsWith(comparison.Value!.GetValue<string>(), StringComparison.Ordinal),
            ConditionOperator.IsNull => Kind(value) == JsonValueKind.Null,
            ConditionOperator.IsNotNull => Kind(value) != JsonValueKind.Null,
            _ => throw new NotSupportedException($"Operator {comparison.Operator} is not supported."),
        };
    }

    private static bool ComparePaths(PathComparison comparison, JsonObject body)
    {
        var left = DocumentPaths.Get(body, comparison.Path);
        var right = DocumentPaths.Get(body, comparison.OtherPath);
        return comparison.Operator switch
        {
            ConditionOperator.Equal => AreEqual(left, right),
            ConditionOperator.NotEqual => !AreEqual(left, right),
            ConditionOperator.LessThan => Order(left, right) is < 0,
            ConditionOperator.LessThanOrEqual => Order(left, right) is <= 0,
            ConditionOperator.GreaterThan => Order(left, right) is > 0,
            ConditionOperator.GreaterThanOrEqual => Order(left, right) is >= 0,
            _ => throw new ArgumentException($"{comparison.Operator} cannot compare two paths.", nameof(comparison)),
        };
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = Kind(left);
        if (kind == JsonValueKind.Number && Kind(right) == JsonValueKind.Number)
        {
            return Number(left!) == Number(right!);
        }

        return kind == Kind(right) && JsonNode.DeepEquals(left, right);
    }

    /// <summary>Null when the two cannot be ordered (different types, null, objects).</summary>
    private static int? Order(JsonNode? left, JsonNode? right)
    {
        var kind = Kind(left);
        var otherKind = Kind(right);
        return (kind, otherKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => Number(left!).CompareTo(Number(right!)),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => (kind == JsonValueKind.True).CompareTo(otherKind == JsonValueKind.True),
            _ => null,
        };
    }

    private static double Number(JsonNode node) => JsonSerializer.Deserialize<double>(node.ToJsonString());
}
