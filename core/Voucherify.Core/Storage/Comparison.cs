using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>Compares a body path to a constant. A missing path behaves as JSON null.</summary>
public sealed record Comparison(string Path, ConditionOperator Operator, JsonNode? Value) : Condition;
