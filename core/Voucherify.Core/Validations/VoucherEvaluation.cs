using Voucherify.Core.Orders;
using Voucherify.Core.Rules.Budgets;

namespace Voucherify.Core.Validations;

/// <summary>The verdict on one voucher in one context: a failure, or the order as the discount leaves it and the rule counters a redemption moves.</summary>
public sealed record VoucherEvaluation(Failure? Failure, OrderCalculated? Order)
{
    public bool IsValid => Failure is null;

    public IReadOnlyList<CounterMove> CounterMoves { get; init; } = [];

    public static VoucherEvaluation Fail(Failure failure) => new(failure, null);

    public static VoucherEvaluation Pass(OrderCalculated order) => new(null, order);
}
