using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Lists;
using Voucherify.Core.Orders;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Rules.Engine;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// The rules of one voucher (its own and its campaign's) with everything they read, loaded once per request: the
/// customer, the resolved cart, the counters. From it come the discount's applicable lines and, once the discount is
/// known, the verdict. Judging is synchronous and reads nothing more.
/// </summary>
public sealed class Eligibility(List<AssignedRule> rules, JsonObject? customer, string? customerKey, IReadOnlyList<CartLine> lines, string campaignCounterId, IReadOnlyDictionary<string, JsonObject> counters, OrderCalculated? start = null)
{
    public static Eligibility None { get; } = new([], null, null, [], string.Empty, FrozenDictionary<string, JsonObject>.Empty);

    // Without a budget rule nothing reads the counters or moves them: no counter dictionaries to build per request.
    private readonly bool budgets = HaveBudgets(rules);

    public bool HasRules => rules.Count > 0;

    /// <summary>The request's order as the rules' cart was built from it, so the evaluator does not normalise it again.</summary>
    public OrderCalculated? Start { get; } = start;

    /// <summary>Whether some rule is a budget, the only kind that reads counters or moves them.</summary>
    public static bool HaveBudgets(List<AssignedRule> rules) => rules.Exists(rule => rule.Compiled.Rules.HasBudgets);

    /// <summary>The discount touches the lines some rule includes (or every line) and that no rule excludes.</summary>
    public DiscountOptions Options
    {
        get
        {
            if (!rules.Exists(Shapes))
            {
                return DiscountOptions.Default;
            }

            var shaped = rules.FindAll(Shapes);
            var targetsProducts = shaped.Any(r => r.Compiled.Rule.ApplicableTo.NamesItems);
            return new DiscountOptions { ItemRule = (_, index) => RuleFor(shaped, index), RulesTargetProducts = targetsProducts };
        }
    }

    private static bool Shapes(AssignedRule rule) => !rule.Compiled.Rule.ApplicableTo.IsEmpty;

    public DataList<ApplicableToEntry> ApplicableTo => Entries(static applicableTo => applicableTo.Included);

    public DataList<ApplicableToEntry> InapplicableTo => Entries(static applicableTo => applicableTo.Excluded);

    // Most rules name no items: their empty lists are answered without walking the rules through LINQ's iterators.
    private DataList<ApplicableToEntry> Entries(Func<ApplicableTo, IReadOnlyList<ApplicableToEntry>> side)
    {
        foreach (var rule in rules)
        {
            if (side(rule.Compiled.Rule.ApplicableTo).Count > 0)
            {
                return DataList<ApplicableToEntry>.Of(rules.SelectMany(r => side(r.Compiled.Rule.ApplicableTo)));
            }
        }

        return DataList<ApplicableToEntry>.Empty;
    }

    /// <summary>Judges every assigned rule set against the order before the discount and what the discount takes off.</summary>
    public EligibilityVerdict Judge(OrderCalculated start, OrderCalculated discounted, JsonObject? redemptionMetadata)
    {
        if (rules.Count == 0)
        {
            return EligibilityVerdict.Pass;
        }

        var thisDiscount = discounted.TotalDiscountAmount - start.TotalDiscountAmount;
        var context = new RuleContext(customer, start, lines, redemptionMetadata, budgets ? Counters(thisDiscount, start.Amount ?? 0) : RuleCounters.None);
        var moves = budgets ? new Dictionary<string, CounterMove>() : null;
        foreach (var rule in rules)
        {
            context.RelatedObjectId = rule.RelatedObjectId;
            if (!rule.Compiled.Rules.Evaluate(context, out var failed))
            {
                return new EligibilityVerdict(RuleFailures.For(failed, rule.Compiled.Rule), []);
            }

            if (moves is not null)
            {
                AddMoves(moves, rule, context, thisDiscount, start.Amount ?? 0);
            }
        }

        return moves is null ? EligibilityVerdict.Pass : new EligibilityVerdict(null, [.. moves.Values]);
    }

    /// <summary>The failure to answer when a counter refused its move: the budget rule on that counter.</summary>
    public Validations.Failure RefusedBy(CounterMove move)
    {
        foreach (var rule in rules)
        {
            var budget = rule.Compiled.Rules.Rules.FirstOrDefault(r => r.Guard is { } guard && CounterId(guard.Scope, rule.RelatedObjectId) == move.CounterId);
            if (budget is not null)
            {
                return RuleFailures.For(budget, rule.Compiled.Rule);
            }
        }

        return RuleFailures.For(null, rules[0].Compiled.Rule);
    }

    private void AddMoves(Dictionary<string, CounterMove> moves, AssignedRule rule, RuleContext context, long discount, long orderAmount)
    {
        foreach (var budget in rule.Compiled.Rules.Rules.Where(r => r.Guard is not null))
        {
            var guard = budget.Guard!;
            if (CounterId(guard.Scope, rule.RelatedObjectId) is not { } id)
            {
                continue;
            }

            var move = moves.GetValueOrDefault(id) ?? new CounterMove(id, 1, discount, orderAmount);
            if (budget.Holds(context))
            {
                var adds = guard.IncludesThisRedemption ? (guard.Field == RuleCounterKeys.DiscountedAmount ? discount : orderAmount) : 0;
                var bound = guard.Bound - adds;
                var condition = guard.Inclusive ? Condition.LessOrEq(guard.Field, bound) : Condition.Less(guard.Field, bound);
                move = move with { Guards = [.. move.Guards, condition] };
            }

            moves[id] = move;
        }
    }

    private string? CounterId(CounterScope scope, string relatedObjectId) => scope switch
    {
        CounterScope.Campaign => RuleCounterKeys.Campaign(campaignCounterId),
        _ => customerKey is null ? null : RuleCounterKeys.Customer(relatedObjectId, customerKey),
    };

    private RuleCounters Counters(long discount, long orderAmount)
    {
        var campaign = counters.GetValueOrDefault(campaignCounterId);
        var perCustomer = new Dictionary<string, long>();
        foreach (var rule in rules)
        {
            if (CounterId(CounterScope.Customer, rule.RelatedObjectId) is { } id)
            {
                perCustomer[rule.RelatedObjectId] = Read(counters.GetValueOrDefault(id), RuleCounterKeys.RedemptionsCount);
            }
        }

        return new RuleCounters
        {
            CampaignRedemptions = Read(campaign, RuleCounterKeys.RedemptionsCount),
            CampaignDiscounted = Read(campaign, RuleCounterKeys.DiscountedAmount),
            CampaignOrders = Read(campaign, RuleCounterKeys.OrdersAmount),
            CustomerRedemptions = perCustomer,
            ThisDiscount = discount,
            ThisOrderAmount = orderAmount,
        };
    }

    private static long Read(JsonObject? counter, string field) => counter?[field] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    private ApplicableItemRule? RuleFor(IReadOnlyList<AssignedRule> shaped, int index)
    {
        if (index >= lines.Count)
        {
            return null;
        }

        var line = lines[index];
        ApplicableItemRule? chosen = null;
        foreach (var rule in shaped)
        {
            var applicableTo = rule.Compiled.Rule.ApplicableTo;
            if (applicableTo.Excluded.Any(entry => line.Matches(entry.Object, entry.Id!)))
            {
                return null;
            }

            for (var k = 0; chosen is null && k < applicableTo.Included.Count; k++)
            {
                if (line.Matches(applicableTo.Included[k].Object, applicableTo.Included[k].Id!))
                {
                    chosen = rule.Compiled.IncludedCaps[k];
                }
            }

            if (chosen is null && applicableTo.IncludedAll)
            {
                chosen = ApplicableItemRule.Unlimited;
            }
        }

        return chosen ?? (shaped.All(r => r.Compiled.Rule.ApplicableTo.Included.Count == 0 && !r.Compiled.Rule.ApplicableTo.IncludedAll) ? ApplicableItemRule.Unlimited : null);
    }
}
