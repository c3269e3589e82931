namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// What a rule name compiles to: its group, its predicate, for budget rules the guard to enforce, the products, SKUs and
/// collections it names, and whether it reads the lines' catalog side (their product and SKU ids and bodies).
/// </summary>
public sealed record ResolvedRule(RuleGroup Group, Func<RuleContext, bool> Holds, BudgetGuard? Guard = null, IReadOnlyList<RuleValue>? References = null, bool ReadsCatalog = false);
