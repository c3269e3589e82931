namespace Voucherify.Core.Rules.Engine;

/// <summary>One numbered rule, compiled: a name's reader bound to its conditions (and nested rules) as one predicate.</summary>
public sealed class CompiledRule(int number, string name, RuleGroup group, string? errorMessage, Func<RuleContext, bool> holds, BudgetGuard? guard, IReadOnlyList<RuleValue> references, bool readsCatalog)
{
    public int Number { get; } = number;

    public string Name { get; } = name;

    public RuleGroup Group { get; } = group;

    public string? ErrorMessage { get; } = errorMessage;

    public BudgetGuard? Guard { get; } = guard;

    /// <summary>The products, SKUs and collections an order.items rule (or its nested rules) names; what the cart must be resolved against.</summary>
    public IReadOnlyList<RuleValue> References { get; } = references;

    /// <summary>Whether it (or a nested rule) reads a line's product or SKU: only then must the cart be resolved against the catalog.</summary>
    public bool ReadsCatalog { get; } = readsCatalog;

    public bool Holds(RuleContext context) => holds(context);
}
