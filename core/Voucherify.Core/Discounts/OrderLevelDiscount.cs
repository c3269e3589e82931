using Voucherify.Core.Errors;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>APPLY_TO_ORDER for AMOUNT (R2.1), PERCENT (R3.1) and FIXED (R4.1): one order-level discount, capped at the current total.</summary>
internal static class OrderLevelDiscount
{
    public static OrderCalculated Apply(Discount discount, OrderCalculated order, CalculationMode mode)
    {
        var total = Money.NotNegative(order.TotalAmount
            ?? throw Problems.MissingAmount("order.amount or priced order items are required to apply an order discount."));
        var applied = discount.Type switch
        {
            DiscountTypes.Amount => Money.Min(Resolved.AmountOff(discount), discount.AggregatedAmountLimit),
            DiscountTypes.Percent => PercentOff(discount, mode == CalculationMode.Initial ? order.Amount ?? total : total),
            _ => total - Math.Min(total, Resolved.FixedAmount(discount)),
        };
        return order with { DiscountAmount = checked(order.DiscountAmount + Math.Min(applied, total)) };
    }

    private static long PercentOff(Discount discount, long baseAmount) =>
        Money.Min(Money.Percent(Resolved.PercentOff(discount), baseAmount), discount.AmountLimit, discount.AggregatedAmountLimit);
}
