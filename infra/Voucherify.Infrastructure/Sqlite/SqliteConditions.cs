using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Translates conditions into a SQL predicate on the <c>body</c> column. Semantics, shared by every store:
/// a missing path is JSON null; values of different JSON types are never equal and never ordered
/// (5 and "5" differ, 5 and 5.0 are equal); an ordering against null never holds; NotEqual is
/// exactly the negation of Equal, so it holds on a missing path.
/// </summary>
internal static class SqliteConditions
{
    private const string IsNumber = "IN ('integer','real')";

    /// <param name="bindPaths">
    /// Paths as parameters: for a write's guard, which finds its row by key and so needs no expression index, and may
    /// name a per-record path that as a literal would make each statement new SQL.
    /// </param>
    public static string Where(IReadOnlyList<Condition>? conditions, SqlParameters parameters, bool bindPaths = false)
    {
        if (conditions is null || conditions.Count == 0)
        {
            return "1";
        }

        var paths = bindPaths ? parameters : null;
        return string.Join(" AND ", conditions.Select(condition => "(" + Translate(condition, parameters, paths) + ")"));
    }

    private static string Translate(Condition condition, SqlParameters parameters, SqlParameters? paths) => condition switch
    {
        Comparison comparison => Compare(comparison, parameters, paths),
        PathComparison comparison => ComparePaths(comparison, paths),
        AnyOf { Alternatives.Count: 0 } => "0",
        AnyOf anyOf => string.Join(" OR ", anyOf.Alternatives.Select(alternative => "(" + Translate(alternative, parameters, paths) + ")")),
        null => throw new ArgumentNullException(nameof(condition)),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static string Compare(Comparison comparison, SqlParameters parameters, SqlParameters? paths)
    {
        var field = SqliteField.For(comparison.Path, paths);
        return comparison.Operator switch
        {
            ConditionOperator.Equal => Equal(field, SqliteJsonConstant.From(comparison.Value), parameters),
            // SQL's NULL would make NOT unknown on a missing path; IFNULL keeps NotEqual the plain negation.
            ConditionOperator.NotEqual => $"NOT IFNULL({Equal(field, SqliteJsonConstant.From(comparison.Value), parameters)}, 0)",
            ConditionOperator.LessThan => Order(field, "<", comparison, parameters),
            ConditionOperator.LessThanOrEqual => Order(field, "<=", comparison, parameters),
            ConditionOperator.GreaterThan => Order(field, ">", comparison, parameters),
            ConditionOperator.GreaterThanOrEqual => Order(field, ">=", comparison, parameters),
            ConditionOperator.In => In(field, comparison, parameters),
            ConditionOperator.StartsWith => StartsWith(field, comparison, parameters),
            ConditionOperator.IsNull => $"{NullTest(field)} IS NULL",
            ConditionOperator.IsNotNull => $"{NullTest(field)} IS NOT NULL",
            _ => throw new NotSupportedException($"Operator {comparison.Operator} is not supported."),
        };
    }

    private static string Equal(SqliteField field, SqliteJsonConstant constant, SqlParameters parameters) => constant.Kind switch
    {
        JsonValueKind.Null => $"{NullTest(field)} IS NULL",
        JsonValueKind.Number => field.ColumnFor(SqliteLookupType.Number) is { } numbers
            ? $"{numbers} = {parameters.Add(constant.SqlValue)}"
            : $"({field.Type} {IsNumber} AND {field.Value} = {parameters.Add(constant.SqlValue)})",
        JsonValueKind.String => field.ColumnFor(SqliteLookupType.Text) is { } texts
            ? $"{texts} = {parameters.Add(constant.SqlValue)}"
            : $"({field.Type} = 'text' AND {field.Value} = {parameters.Add(constant.SqlValue)})",
        JsonValueKind.True => $"IFNULL({field.Type} = 'true', 0)",
        JsonValueKind.False => $"IFNULL({field.Type} = 'false', 0)",
        JsonValueKind.Object => $"({field.Type} = 'object' AND {field.Value} = json({parameters.Add(constant.SqlValue)}))",
        JsonValueKind.Array => $"({field.Type} = 'array' AND {field.Value} = json({parameters.Add(constant.SqlValue)}))",
        _ => throw new NotSupportedException($"JSON kind {constant.Kind} is not supported."),
    };

    // A presence lookup is NULL exactly where the path's value is.
    private static string NullTest(SqliteField field) => field.ColumnFor(SqliteLookupType.Present) ?? field.Value;

    private static string Order(SqliteField field, string sqlOperator, Comparison comparison, SqlParameters parameters)
    {
        var constant = SqliteJsonConstant.From(comparison.Value);
        var column = constant.Kind switch
        {
            JsonValueKind.Number => field.ColumnFor(SqliteLookupType.Number),
            JsonValueKind.String => field.ColumnFor(SqliteLookupType.Text),
            _ => null,
        };
        if (column is not null)
        {
            return $"{column} {sqlOperator} {parameters.Add(constant.SqlValue)}";
        }

        var sameType = constant.Kind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => $"{field.Type} {IsNumber}",
            JsonValueKind.String => $"{field.Type} = 'text'",
            JsonValueKind.True or JsonValueKind.False => $"{field.Type} IN ('true','false')",
            _ => throw new ArgumentException(
                $"{comparison.Operator} on '{comparison.Path}' needs a number, a string or a boolean.", nameof(comparison)),
        };
        return sameType is null ? "0" : $"({sameType} AND {field.Value} {sqlOperator} {parameters.Add(constant.SqlValue)})";
    }

    private static string In(SqliteField field, Comparison comparison, SqlParameters parameters)
    {
        if (comparison.Value is not JsonArray values)
        {
            throw new ArgumentException($"In on '{comparison.Path}' needs a JSON array.", nameof(comparison));
        }

        // One value is an equality, which an index in created order answers in that order: a list filtered on one
        // result reads a page and no more, where membership of a list made SQLite sort every match.
        if (values.Count == 1)
        {
            return Equal(field, SqliteJsonConstant.From(values[0]), parameters);
        }

        var alternatives = new List<string>();

        // Numbers and strings go in as one JSON array each: a list of any length is one parameter,
        // and the statement text stays the same whatever the length, so its compiled form is reused.
        var numbers = values.Where(value => SqliteJsonConstant.From(value).Kind == JsonValueKind.Number).ToList();
        if (numbers.Count > 0)
        {
            var list = $"(SELECT value FROM json_each({parameters.Add(JsonArrayText(numbers))}))";
            alternatives.Add(field.ColumnFor(SqliteLookupType.Number) is { } column ? $"{column} IN {list}" : $"({field.Type} {IsNumber} AND {field.Value} IN {list})");
        }

        var strings = values.Where(value => SqliteJsonConstant.From(value).Kind == JsonValueKind.String).ToList();
        if (strings.Count > 0)
        {
            var list = $"(SELECT value FROM json_each({parameters.Add(JsonArrayText(strings))}))";
            alternatives.Add(field.ColumnFor(SqliteLookupType.Text) is { } column ? $"{column} IN {list}" : $"({field.Type} = 'text' AND {field.Value} IN {list})");
        }

        alternatives.AddRange(values
            .Select(SqliteJsonConstant.From)
            .Where(constant => constant.Kind is not (JsonValueKind.Number or JsonValueKind.String))
            .DistinctBy(constant => (constant.Kind, constant.SqlValue))
            .Select(constant => Equal(field, constant, parameters)));

        return alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")";
    }

    private static string JsonArrayText(IEnumerable<JsonNode?> values) =>
        "[" + string.Join(",", values.Select(value => value!.ToJsonString())) + "]";

    private static string StartsWith(SqliteField field, Comparison comparison, SqlParameters parameters)
    {
        var constant = SqliteJsonConstant.From(comparison.Value);
        if (constant.Kind != JsonValueKind.String)
        {
            throw new ArgumentException($"StartsWith on '{comparison.Path}' needs a string prefix.", nameof(comparison));
        }

        // substr, not LIKE: LIKE folds ASCII case and gives '%' and '_' in the prefix a meaning.
        var prefix = parameters.Add(constant.SqlValue);
        return $"({field.Type} = 'text' AND substr({field.Value}, 1, length({prefix})) = {prefix})";
    }

    private static string ComparePaths(PathComparison comparison, SqlParameters? paths)
    {
        var left = SqliteField.For(comparison.Path, paths);
        var right = SqliteField.For(comparison.OtherPath, paths);
        var sameType = $"{TypeClass(left)} = {TypeClass(right)}";
        var equal = $"(({left.Value} IS NULL AND {right.Value} IS NULL) OR ({sameType} AND {left.Value} = {right.Value}))";
        var order = (string sqlOperator) =>
            $"({sameType} AND {left.Type} NOT IN ('object','array') AND {left.Value} {sqlOperator} {right.Value})";

        return comparison.Operator switch
        {
            ConditionOperator.Equal => equal,
            ConditionOperator.NotEqual => $"NOT IFNULL({equal}, 0)",
            ConditionOperator.LessThan => order("<"),
            ConditionOperator.LessThanOrEqual => order("<="),
            ConditionOperator.GreaterThan => order(">"),
            ConditionOperator.GreaterThanOrEqual => order(">="),
            _ => throw new ArgumentException(
                $"{comparison.Operator} cannot compare two paths; use Equal, NotEqual or an ordering.", nameof(comparison)),
        };
    }

    // Integers and reals are one type to JSON, and so are true and false.
    private static string TypeClass(SqliteField field) =>
        $"(CASE {field.Type} WHEN 'real' THEN 'integer' WHEN 'false' THEN 'true' ELSE {field.Type} END)";
}
