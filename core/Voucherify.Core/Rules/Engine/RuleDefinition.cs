namespace Voucherify.Core.Rules.Engine;

/// <summary>One rule as written, its conditions and nested rules already compiled; <c>Nested</c> is true inside an order.items rule.</summary>
public sealed record RuleDefinition(string Name, string? Property, ConditionSet Conditions, CompiledRuleSet Children, bool Nested);
