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

    public static string Where(IReadOnlyList<Condition>? conditions)
    {
        if (conditions is null || conditions.Count == 0)
        {
            return "true";
        }

        return string.Join(" AND ", conditions.Select(condition => "(" + Translate(condition) + ")"));
    }

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

    public static string IsNullish(string field) => $"(NOT IS_DEFINED({field}) OR IS_NULL({field}))";

    private static string Translate(Condition condition) => condition switch
    {
        Comparison comparison => Compare(comparison),
        PathComparison comparison => ComparePaths(comparison),
        AnyOf { Alternatives.Count: 0 } => "false",
        AnyOf anyOf => string.Join(" OR ", anyOf.Alternatives.Select(alternative => "(" + Translate(alternative) + ")")),
        null => throw new ArgumentNullException(nameof(condition)),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static string Compare(Comparison comparison)
    {
        var field = Field(comparison.Path);
        return comparison.Operator switch
        {
            ConditionOperator.Equal => Equal(field, comparison.Value),
            ConditionOperator.NotEqual => $"NOT ({Equal(field, comparison.Value)})",
            ConditionOperator.LessThan => Order(field, "<", comparison),
            ConditionOperator.LessThanOrEqual => Order(field, "<=", comparison),
            ConditionOperator.GreaterThan => Order(field, ">", comparison),
            ConditionOperator.GreaterThanOrEqual => Order(field, ">=", comparison),
            ConditionOperator.In => comparison.Value is JsonArray values
                ? (values.Count == 0 ? "false" : string.Join(" OR ", values.Select(value => "(" + Equal(field, value) + ")")))
                : throw new ArgumentException($"In on '{comparison.Path}' needs a JSON array.", nameof(comparison)),
            ConditionOperator.StartsWith => comparison.Value?.GetValueKind() == JsonValueKind.String
                ? $"(IS_STRING({field}) AND STARTSWITH({field}, {Literal(comparison.Value)}))"
                : throw new ArgumentException($"StartsWith on '{comparison.Path}' needs a string prefix.", nameof(comparison)),
            ConditionOperator.IsNull => IsNullish(field),
            ConditionOperator.IsNotNull => $"NOT {IsNullish(field)}",
            _ => throw new NotSupportedException($"Operator {comparison.Operator} is not supported."),
        };
    }

    private static string Equal(string field, JsonNode? value) => (value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Null => IsNullish(field),
        JsonValueKind.Number => $"(IS_NUMBER({field}) AND {field} = {Literal(value)})",
        JsonValueKind.String => $"(IS_STRING({field}) AND {field} = {Literal(value)})",
        JsonValueKind.True or JsonValueKind.False => $"(IS_BOOL({field}) AND {field} = {Literal(value)})",
        JsonValueKind.Array => $"(IS_ARRAY({field}) AND {field} = {Literal(value)})",
        JsonValueKind.Object => $"(IS_OBJECT({field}) AND {field} = {Literal(value)})",
        _ => throw new NotSupportedException($"JSON kind {value!.GetValueKind()} is not supported."),
    };

    private static string Order(string field, string sqlOperator, Comparison comparison)
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
        return test is null ? "false" : $"({test}({field}) AND {field} {sqlOperator} {Literal(comparison.Value)})";
    }

    private static string ComparePaths(PathComparison comparison)
    {
        var left = Field(comparison.Path);
        var right = Field(comparison.OtherPath);
        var sameType = $"((IS_NUMBER({left}) AND IS_NUMBER({right})) OR (IS_STRING({left}) AND IS_STRING({right})) OR (IS_BOOL({left}) AND IS_BOOL({right})))";
        var equal = $"(({IsNullish(left)} AND {IsNullish(right)}) OR ({sameType} AND {left} = {right}))";
        string Ordered(string sqlOperator) => $"({sameType} AND {left} {sqlOperator} {right})";

        return comparison.Operator switch
        {
            ConditionOperator.Equal => equal,
            ConditionOperator.NotEqual => $"NOT {equal}",
            ConditionOperator.LessThan => Ordered("<"),
            ConditionOperator.LessThanOrEqual => Ordered("<="),
            ConditionOperator.GreaterThan => Ordered(">"),
            ConditionOperator.GreaterThanOrEqual => Ordered(">="),
            _ => throw new ArgumentException(
                $"{comparison.Operator} cannot compare two paths; use Equal, NotEqual or an ordering.", nameof(comparison)),
        };
    }
}
