using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>The rules' verdict: a failure naming the rule, or the counter moves a redemption must make (with the bounds to enforce).</summary>
public sealed record EligibilityVerdict(Failure? Failure, IReadOnlyList<CounterMove> Moves)
{
    public static EligibilityVerdict Pass { get; } = new(null, []);
}
