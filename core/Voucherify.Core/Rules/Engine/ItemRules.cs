namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// order.items.any / every / none / cheapest / most_expensive: the condition names products, SKUs or collections
/// (<c>{"$is": [{"object": "product", "id": ...}]}</c>), and nested rules (quantity, price, amount, metadata, and the
/// aggregated_* sums over every matched line) must hold for the line that matched. Lines are judged one by one.
/// </summary>
public static class ItemRules
{
    public static ResolvedRule Resolve(string name, ConditionSet conditions, CompiledRuleSet children, string where)
    {
        var references = conditions.Conditions
            .Where(c => c.Kind is ConditionKind.Is or ConditionKind.In)
            .SelectMany(c => c.Values)
            .Where(v => v.Kind == RuleValueKind.Reference)
            .ToArray();
        if (references.Length == 0)
        {
            throw RuleProblems.Invalid($"{where}.conditions: {name} needs $is or $in with {{\"object\": \"product\"|\"sku\"|\"products_collection\", \"id\": ...}} values.");
        }

        // One single-reference list per reference, made once here, so judging allocates no arrays or closures.
        var singles = references.Select(reference => new[] { reference }).ToArray();
        Func<RuleContext, bool> holds = name switch
        {
            "order.items.any" => context => AnyPresent(context, singles, children),
            "order.items.every" => context => AllPresent(context, singles, children),
            "order.items.none" => context => !Present(context, references, children),
            "order.items.cheapest" => context => Extreme(context, references, children, cheapest: true),
            _ => context => Extreme(context, references, children, cheapest: false),
        };
        return new ResolvedRule(RuleGroup.Order, holds, References: references, ReadsCatalog: true);
    }

    /// <summary>Lines matching the references of the order.items rule being evaluated.</summary>
    public static IEnumerable<CartLine> Matched(RuleContext context) => context.Lines.Where(line => line.MatchesAny(context.Targets));

    private static bool AnyPresent(RuleContext context, RuleValue[][] singles, CompiledRuleSet children)
    {
        foreach (var single in singles)
        {
            if (Present(context, single, children))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllPresent(RuleContext context, RuleValue[][] singles, CompiledRuleSet children)
    {
        foreach (var single in singles)
        {
            if (!Present(context, single, children))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Present(RuleContext context, IReadOnlyList<RuleValue> references, CompiledRuleSet children)
    {
        foreach (var line in context.Lines)
        {
            if (line.MatchesAny(references) && ChildrenHold(context, line, references, children))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Extreme(RuleContext context, IReadOnlyList<RuleValue> references, CompiledRuleSet children, bool cheapest)
    {
        CartLine? chosen = null;
        foreach (var line in context.Lines)
        {
            if (line.UnitPrice is not { } price)
            {
                continue;
            }

            if (chosen is null || (cheapest ? price < chosen.UnitPrice : price > chosen.UnitPrice))
            {
                chosen = line;
            }
        }

        return chosen is not null && chosen.MatchesAny(references) && ChildrenHold(context, chosen, references, children);
    }

    private static bool ChildrenHold(RuleContext context, CartLine line, IReadOnlyList<RuleValue> references, CompiledRuleSet children)
    {
        var (outerLine, outerTargets) = (context.Line, context.Targets);
        context.Line = line;
        context.Targets = references;
        try
        {
            return children.Evaluate(context, out _);
        }
        finally
        {
            (context.Line, context.Targets) = (outerLine, outerTargets);
        }
    }
}
