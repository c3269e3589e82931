namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// A rule document compiled: its numbered rules and the logic over them. <see cref="Evaluate"/> judges every rule
/// into a stack-allocated span and runs the logic, so it allocates nothing; on failure it names the first rule that failed.
/// </summary>
public sealed class CompiledRuleSet(CompiledRule?[] byNumber, LogicExpression logic)
{
    public static CompiledRuleSet Empty { get; } = new([null], LogicExpression.AllOf([]));

    public IEnumerable<CompiledRule> Rules => byNumber.OfType<CompiledRule>();

    public LogicExpression Logic { get; } = logic;

    // Asked on every validate and redeem, so answered once here rather than by walking the rules each time.
    public bool ReadsCustomer { get; } = byNumber.Any(rule => rule is not null && (rule.Group == RuleGroup.Customer || rule.Guard?.Scope == CounterScope.Customer));

    /// <summary>Whether some rule reads the lines' products or SKUs (ids, bodies, collections).</summary>
    public bool ReadsCatalog { get; } = byNumber.Any(rule => rule is not null && rule.ReadsCatalog);

    /// <summary>Whether some rule is a budget: only those read the counters and move them when a redemption succeeds.</summary>
    public bool HasBudgets { get; } = byNumber.Any(rule => rule?.Guard is not null);

    public IEnumerable<RuleValue> References => Rules.SelectMany(rule => rule.References);

    public bool Evaluate(RuleContext context, out CompiledRule? failed)
    {
        failed = null;
        if (byNumber.Length == 1)
        {
            return true;
        }

        Span<bool> results = byNumber.Length <= 64 ? stackalloc bool[byNumber.Length] : new bool[byNumber.Length];
        foreach (var rule in byNumber)
        {
            if (rule is null)
            {
                continue;
            }

            results[rule.Number] = rule.Holds(context);
            if (!results[rule.Number])
            {
                failed ??= rule;
            }
        }

        if (Logic.Evaluate(results))
        {
            failed = null;
            return true;
        }

        return false;
    }

    /// <summary>The guards of budget rules that held: what the reservation must enforce atomically.</summary>
    public IEnumerable<BudgetGuard> GuardsThatHeld(RuleContext context) =>
        Rules.Where(rule => rule.Guard is not null && rule.Holds(context)).Select(rule => rule.Guard!);
}
