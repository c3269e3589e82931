using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A predicate on a document body. A list of conditions is joined with AND. The same conditions
/// filter queries and guard patches, so a guard is written once and enforced atomically by either
/// store (a SQL WHERE in SQLite, a patch filter predicate in Cosmos DB).
/// </summary>
public abstract record Condition
{
    public static Condition Eq(string path, JsonNode? value) => new Comparison(path, ConditionOperator.Equal, value);

    public static Condition NotEq(string path, JsonNode? value) => new Comparison(path, ConditionOperator.NotEqual, value);

    public static Condition Less(string path, JsonNode? value) => new Comparison(path, ConditionOperator.LessThan, value);

    public static Condition LessOrEq(string path, JsonNode? value) => new Comparison(path, ConditionOperator.LessThanOrEqual, value);

    public static Condition Greater(string path, JsonNode? value) => new Comparison(path, ConditionOperator.GreaterThan, value);

    public static Condition GreaterOrEq(string path, JsonNode? value) => new Comparison(path, ConditionOperator.GreaterThanOrEqual, value);

    public static Condition In(string path, JsonArray values) => new Comparison(path, ConditionOperator.In, values);

    public static Condition StartsWith(string path, string prefix) => new Comparison(path, ConditionOperator.StartsWith, prefix);

    public static Condition IsNull(string path) => new Comparison(path, ConditionOperator.IsNull, null);

    public static Condition IsNotNull(string path) => new Comparison(path, ConditionOperator.IsNotNull, null);

    /// <summary>path &lt; otherPath, both in the same document: what makes "redeemed &lt; quantity" one atomic check.</summary>
    public static Condition LessThanPath(string path, string otherPath) => new PathComparison(path, ConditionOperator.LessThan, otherPath);

    public static Condition AnyOf(params Condition[] alternatives) => new AnyOf(alternatives);
}
