using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Translates conditions into a Cosmos DB SQL predicate over the stored envelope. Every piece is
/// a definite boolean (a type test guards each comparison), because Cosmos SQL gives undefined for
/// comparisons across types or on missing paths, and NOT undefined would be undefined, not true:
/// that keeps NotEqual the exact negation of Equal, as the contract requires.
/// Constants are written inline, not as parameters, because a patch filter predicate takes no
/// parameters; strings are JSON-escaped with every letter as \u escape, so no constant can end the
/// literal or be read as a keyword by any parser on the way.
/// </summary>
internal static class CosmosSql
{
    /// <summary>The expression for a body path: c["b"]["a"]["b"]; the store-owned timestamps live on the envelope.</summary>
    public static string Field(string path)
    {
        SqliteJsonPath.Validate(path);
        if (path == DocumentTimestamps.CreatedAtPath)
        {
            return "c[\"ca\"]";
        }

        if (path == DocumentTimestamps.UpdatedAtPath)
        {
            return "c[\"ua\"]";
        }

        var builder = new StringBuilder("c[\"b\"]");
        foreach (var segment in path.Split('.'))
        {
            builder.Append('[').Append(String(segment)).Append(']');
        }

        return builder.ToString();
    }

    public static CosmosPredicate Where(IReadOnlyList<Condition>? conditions) =>
        conditions is null || conditions.Count == 0 ? CosmosPredicate.True : CosmosPredicate.And(conditions.Select(Translate));

    public static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var character in value)
        {
            if (char.IsAsciiLetterOrDigit(character) && !char.IsAsciiLetter(character))
            {
                builder.Append(character);
            }
            else if (character is '_' or ' ' or '-' or '.' or ':')
            {
                builder.Append(character);
            }
            else
            {
                builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Literal(JsonNode? value) => (value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value!.ToJsonString(),
        JsonValueKind.String => String(JsonSerializer.Deserialize<string>(value!.ToJsonString())!),
        JsonValueKind.Array => "[" + string.Join(",", value!.AsArray().Select(Literal)) + "]",
        JsonValueKind.Object => "{" + string.Join(",", value!.AsObject().Select(pair => String(pair.Key) + ":" + Literal(pair.Value))) + "}",
        _ => throw new NotSupportedException($"JSON kind {value!.GetValueKind()} is not supported."),
    };

    public static CosmosPredicate IsNullish(string field) =>
        CosmosPredicate.Or(CosmosPredicate.Function($"IS_DEFINED({field})").Not(), CosmosPredicate.Function($"IS_NULL({field})"));

    private static CosmosPredicate Is(string test, string field) => CosmosPredicate.Function($"{test}({field})");

    private static CosmosPredicate Translate(Condition condition) => condition switch
    {
        Comparison comparison => Compare(comparison),
        PathComparison comparison => ComparePaths(comparison),
        AnyOf anyOf => CosmosPredicate.Or(anyOf.Alternatives.Select(Translate)),
        null => throw new ArgumentNullException(nameof(condition)),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static CosmosPredicate Compare(Comparison comparison)
    {
        var field = Field(comparison.Path);
        return comparison.Operator switch
        {
            ConditionOperator.Equal => Equal(field, comparison.Value),
            ConditionOperator.NotEqual => Equal(field, comparison.Value).Not(),
            ConditionOperator.LessThan => Order(field, "<", comparison),
            ConditionOperator.LessThanOrEqual => Order(field, "<=", comparison),
            ConditionOperator.GreaterThan => Order(field, ">", comparison),
            ConditionOperator.GreaterThanOrEqual => Order(field, ">=", comparison),
            ConditionOperator.In => comparison.Value is JsonArray values
                ? In(field, values)
                : throw new ArgumentException($"In on '{comparison.Path}' needs a JSON array.", nameof(comparison)),
            ConditionOperator.StartsWith => comparison.Value?.GetValueKind() == JsonValueKind.String
                ? CosmosPredicate.And(Is("IS_STRING", field), CosmosPredicate.Function($"STARTSWITH({field}, {Literal(comparison.Value)})"))
                : throw new ArgumentException($"StartsWith on '{comparison.Path}' needs a string prefix.", nameof(comparison)),
            ConditionOperator.IsNull => IsNullish(field),
            ConditionOperator.IsNotNull => IsNullish(field).Not(),
            _ => throw new NotSupportedException($"Operator {comparison.Operator} is not supported."),
        };
    }

    /// <summary>
    /// Membership: one ARRAY_CONTAINS per scalar type under that type's test (one term, however long the list,
    /// where an OR of equalities would be a term per value); null, arrays and objects by equality.
    /// </summary>
    private static CosmosPredicate In(string field, JsonArray values)
    {
        var alternatives = new List<CosmosPredicate>();
        foreach (var group in values.GroupBy(value => (value?.GetValueKind() ?? JsonValueKind.Null) switch
        {
            JsonValueKind.Number => "IS_NUMBER",
            JsonValueKind.String => "IS_STRING",
            JsonValueKind.True or JsonValueKind.False => "IS_BOOL",
            _ => string.Empty,
        }))
        {
            alternatives.AddRange(group.Key.Length == 0 || group.Count() == 1
                ? group.Select(value => Equal(field, value))
                : [CosmosPredicate.And(Is(group.Key, field), CosmosPredicate.Function($"ARRAY_CONTAINS([{string.Join(",", group.Select(Literal))}], {field})"))]);
        }

        return CosmosPredicate.Or(alternatives);
    }

    /// <summary>Equality within one JSON type; the type test keeps its negation definite.</summary>
    public static CosmosPredicate Equal(string field, JsonNode? value)
    {
        var test = (value?.GetValueKind() ?? JsonValueKind.Null) switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => "IS_NUMBER",
            JsonValueKind.String => "IS_STRING",
            JsonValueKind.True or JsonValueKind.False => "IS_BOOL",
            JsonValueKind.Array => "IS_ARRAY",
            JsonValueKind.Object => "IS_OBJECT",
            _ => throw new NotSupportedException($"JSON kind {value!.GetValueKind()} is not supported."),
        };
        return test is null ? IsNullish(field) : CosmosPredicate.And(Is(test, field), CosmosPredicate.Compare(field, "=", Literal(value)));
    }

    private static CosmosPredicate Order(string field, string sqlOperator, Comparison comparison)
    {
        var test = (comparison.Value?.GetValueKind() ?? JsonValueKind.Null) switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => "IS_NUMBER",
            JsonValueKind.String => "IS_STRING",
            JsonValueKind.True or JsonValueKind.False => "IS_BOOL",
            _ => throw new ArgumentException(
                $"{comparison.Operator} on '{comparison.Path}' needs a number, a string or a boolean.", nameof(comparison)),
        };
        return test is null ? CosmosPredicate.False : CosmosPredicate.And(Is(test, field), CosmosPredicate.Compare(field, sqlOperator, Literal(comparison.Value)));
    }

    private static CosmosPredicate ComparePaths(PathComparison comparison)
    {
        var left = Field(comparison.Path);
        var right = Field(comparison.OtherPath);
        string[] tests = ["IS_NUMBER", "IS_STRING", "IS_BOOL"];

        // One term per type, so each comparison sits under the type test that makes it definite.
        CosmosPredicate Ordered(string sqlOperator) =>
            CosmosPredicate.Or(tests.Select(test => CosmosPredicate.And(Is(test, left), Is(test, right), CosmosPredicate.Compare(left, sqlOperator, right))));
        var equal = CosmosPredicate.Or(CosmosPredicate.And(IsNullish(left), IsNullish(right)), Ordered("="));

        return comparison.Operator switch
        {
            ConditionOperator.Equal => equal,
            ConditionOperator.NotEqual => equal.Not(),
            ConditionOperator.LessThan => Ordered("<"),
            ConditionOperator.LessThanOrEqual => Ordered("<="),
            ConditionOperator.GreaterThan => Ordered(">"),
            ConditionOperator.GreaterThanOrEqual => Ordered(">="),
            _ => throw new ArgumentException(
                $"{comparison.Operator} cannot compare two paths; use Equal, NotEqual or an ordering.", nameof(comparison)),
        };
    }
}
