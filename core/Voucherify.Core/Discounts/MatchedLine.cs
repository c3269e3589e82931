using Voucherify.Core.Orders;

namespace Voucherify.Core.Discounts;

/// <summary>An order line an item effect may discount, with the rule entry that matched it.</summary>
internal sealed record MatchedLine(int Index, OrderItemCalculated Item, ApplicableItemRule Rule)
{
    public long Quantity => Item.Quantity ?? 1;

    /// <summary>What is left to discount on the line; never below zero even for inconsistent stored data.</summary>
    public long Subtotal => Money.NotNegative(Item.SubtotalAmount ?? 0);

    /// <summary>The most this effect may take off the line: its subtotal, lowered by the rule's amount_limit.</summary>
    public long Cap => Money.Min(Subtotal, Rule.AmountLimit);

    /// <summary>Applicable lines that carry an amount, in order; unpriced lines cannot be discounted.</summary>
    public static IReadOnlyList<MatchedLine> Collect(OrderCalculated order, DiscountOptions options) =>
    [
        .. order.Items
            .Select((item, index) => (item, index, rule: options.RuleFor(item, index)))
            .Where(match => match.rule is not null && match.item.Amount is not null)
            .Select(match => new MatchedLine(match.index, match.item, match.rule!)),
    ];
}
