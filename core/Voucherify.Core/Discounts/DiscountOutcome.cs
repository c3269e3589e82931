using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>
/// One discount applied to an order: the cumulative order after it, whose applied_* fields hold only this
/// discount's part, and the effect that was used (the default resolved when the discount named none).
/// </summary>
public sealed record DiscountOutcome(OrderCalculated Order, string Effect)
{
    public long AppliedDiscountAmount => Order.AppliedDiscountAmount;

    public long ItemsAppliedDiscountAmount => Order.ItemsAppliedDiscountAmount;

    public long TotalAppliedDiscountAmount => Order.TotalAppliedDiscountAmount;

    /// <summary>False for a discount that took nothing off and added nothing: the no-effect case of SEMANTICS R12.7.</summary>
    public bool HasEffect => TotalAppliedDiscountAmount > 0 || Order.Items.Any(item => item.AppliedQuantity > 0);
}
