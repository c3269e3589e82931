using Voucherify.Core.Errors;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>
/// Item effects of AMOUNT (R2.2–R2.5), PERCENT (R3.2) and FIXED (R4.2). Each line is capped at its subtotal
/// and its rule entry's limits; then the aggregated limits and the order's remaining total cap the sum.
/// </summary>
internal static class ItemLevelDiscount
{
    public static OrderCalculated Apply(Discount discount, string effect, OrderCalculated order, DiscountOptions options)
    {
        var lines = MatchedLine.Collect(order, options);
        if (lines.Count == 0)
        {
            throw Problems.MissingOrderItemsAmount(
                $"At least one applicable order item with amount is required to apply a {discount.Type} discount to items.");
        }

        var units = LineCaps.Units(lines);
        var amounts = Desired(discount, effect, order, lines, units, options.Mode);
        var all = Enumerable.Range(0, lines.Count).ToList();
        LineCaps.CapPerRule(amounts, lines);
        LineCaps.CapInOrder(amounts, all, discount.AggregatedAmountLimit);
        LineCaps.CapInOrder(amounts, all, Money.NotNegative(order.TotalAmount ?? 0));
        return Write(order, lines, amounts, effect == DiscountEffects.ApplyToItemsByQuantity ? units : null);
    }

    private static long[] Desired(Discount discount, string effect, OrderCalculated order, IReadOnlyList<MatchedLine> lines, long[] units, CalculationMode mode) =>
        (discount.Type, effect) switch
        {
            (DiscountTypes.Percent, _) => [.. lines.Select((line, k) => PercentOff(discount, line, units[k], mode))],
            (DiscountTypes.Fixed, _) => [.. lines.Select((line, k) => NewPriceOff(discount, line, units[k]))],
            (_, DiscountEffects.ApplyToItemsByQuantity) =>
                [.. lines.Select((line, k) => Math.Min(checked(units[k] * Resolved.AmountOff(discount)), line.Cap))],
            (_, DiscountEffects.ApplyToItemsProportionally) => Proportional(discount, order, lines, line => line.Subtotal),
            (_, DiscountEffects.ApplyToItemsProportionallyByQuantity) => Proportional(discount, order, lines, line => line.Quantity),
            _ => [.. lines.Select(line => Math.Min(Resolved.AmountOff(discount), line.Cap))],
        };

    /// <summary>
    /// A rule's quantity_limit below the line quantity discounts only that share of the line (PROPOSAL); the
    /// discount's amount_limit caps each line, and the lowest of all caps wins (R3.2).
    /// </summary>
    private static long PercentOff(Discount discount, MatchedLine line, long units, CalculationMode mode)
    {
        decimal baseAmount = mode == CalculationMode.Initial ? line.Item.Amount ?? 0 : line.Subtotal;
        var share = line.Quantity == 0 ? 0m : baseAmount * units / line.Quantity;
        return Money.Min(Money.Percent(Resolved.PercentOff(discount), share), discount.AmountLimit, line.Cap);
    }

    /// <summary>
    /// The new unit price comes from the rule entry (R4.2); the discount's own fixed_amount stands in when the
    /// entry has none (PROPOSAL). A line without a unit price, or without a new price, gets nothing.
    /// </summary>
    private static long NewPriceOff(Discount discount, MatchedLine line, long units)
    {
        if (line.Item.Price is not { } price || (line.Rule.Price ?? discount.FixedAmount) is not { } newPrice)
        {
            return 0;
        }

        return Math.Min(checked(Money.NotNegative(price - newPrice) * units), line.Cap);
    }

    private static long[] Proportional(Discount discount, OrderCalculated order, IReadOnlyList<MatchedLine> lines, Func<MatchedLine, long> weight)
    {
        var amount = Money.Min(Resolved.AmountOff(discount), discount.AggregatedAmountLimit, Money.NotNegative(order.TotalAmount ?? 0));
        return ProportionalSplit.Split(amount, [.. lines.Select(weight)], [.. lines.Select(line => line.Cap)]);
    }

    private static OrderCalculated Write(OrderCalculated order, IReadOnlyList<MatchedLine> lines, long[] amounts, long[]? units)
    {
        var items = order.Items.ToArray();
        for (var k = 0; k < lines.Count; k++)
        {
            if (amounts[k] == 0)
            {
                continue;
            }

            var item = items[lines[k].Index];
            items[lines[k].Index] = item with
            {
                DiscountAmount = checked(item.DiscountAmount + amounts[k]),
                DiscountQuantity = checked(item.DiscountQuantity + (units?[k] ?? 0)),
            };
        }

        return order with { Items = items };
    }
}
