namespace Voucherify.Core.Rules.Engine;

/// <summary>One numbered rule, compiled: a name's reader bound to its conditions (and nested rules) as one predicate.</summary>
public sealed class CompiledRule(int number, string name, RuleGroup group, string? errorMessage, Func<RuleContext, bool> holds, BudgetGuard? guard, IReadOnlyList<RuleValue> references)
{
    public int Number { get; } = number;

    public string Name { get; } = name;

    public RuleGroup Group { get; } = group;

    public string? ErrorMessage { get; } = errorMessage;

    public BudgetGuard? Guard { get; } = guard;

    /// <summary>The products, SKUs and collections an order.items rule (or its nested rules) names; what the cart must be resolved against.</summary>
    public IReadOnlyList<RuleValue> References { get; } = references;

    public bool Holds(RuleContext context) => holds(context);
}
