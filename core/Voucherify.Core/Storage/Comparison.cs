using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// Compares a body path to a constant. A missing path behaves as JSON null. Values of different
/// JSON types are never equal nor ordered (5 and "5" differ; 5 and 5.0 are equal); numbers compare
/// numerically, strings ordinally and case-sensitively. An ordering against null never holds.
/// NotEqual is exactly the negation of Equal, so it holds on a missing path. In takes a JsonArray
/// (null in it matches null and missing). StartsWith takes a string and is a plain prefix match.
/// </summary>
public sealed record Comparison(string Path, ConditionOperator Operator, JsonNode? Value) : Condition;
