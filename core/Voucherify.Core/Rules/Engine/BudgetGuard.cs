namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// An upper bound a budget rule puts on a counter, enforced again when the use is taken: the counter document is
/// moved only if <c>field (op) Bound − what this redemption adds</c> still holds, in the same atomic patch.
/// Counts are judged on the value before this redemption (the contract's per-customer example); amounts on the value
/// including it, so a budget is never overspent.
/// </summary>
public sealed record BudgetGuard(CounterScope Scope, string Field, bool Inclusive, decimal Bound, bool IncludesThisRedemption);
