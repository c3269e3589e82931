namespace Voucherify.Core.Storage;

/// <summary>Compares two paths of the same document.</summary>
public sealed record PathComparison(string Path, ConditionOperator Operator, string OtherPath) : Condition;
