using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS §3, row by row.</summary>
public sealed class PercentDiscountTests
{
    private static OrderCalculated MugPosterTeeBottle() => Cart.Of(
        Cart.Line("mug", 1, 2000), Cart.Line("poster", 1, 4500), Cart.Line("tee", 1, 6000), Cart.Line("bottle", 1, 5000));

    private static readonly Func<OrderItemCalculated, bool> NotTheBottle = Cart.Only("mug", "poster", "tee");

    [Fact]
    public void Ten_percent_off_an_order_of_46500_takes_4650()
    {
        var cart = Cart.Of(Cart.Line("a", 1, 6500), Cart.Line("b", 1, 6000), Cart.Line("c", 1, 2000), Cart.Line("d", 2, 5000), Cart.Line("e", 2, 11000));

        var order = DiscountCalculator.Apply(Cart.PercentOff(10), cart).Order;

        Assert.Equal((4650L, 4650L, 41850L), (order.DiscountAmount, order.AppliedDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Twenty_percent_off_an_order_amount_of_200000_takes_40000()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(20), Cart.Of(200000)).Order;

        Assert.Equal((40000L, 160000L), (order.DiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Amount_limit_caps_a_percent_off_the_order()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(20) with { AmountLimit = 15000 }, Cart.Of(200000)).Order;

        Assert.Equal((15000L, 185000L), (order.DiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void A_stacked_percent_off_the_order_is_taken_of_the_current_total()
    {
        var current = new OrderCalculated
        {
            Amount = 2700,
            DiscountAmount = 100,
            Items = [new OrderItemCalculated { Quantity = 1, Price = 2000, Amount = 2000, DiscountAmount = 1000 }, new OrderItemCalculated { Quantity = 1, Price = 700, Amount = 700, DiscountAmount = 700 }],
        };

        var order = DiscountCalculator.Apply(Cart.PercentOff(40), current).Order;

        Assert.Equal((360L, 460L, 540L), (order.AppliedDiscountAmount, order.DiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Ten_percent_off_items_discounts_each_matched_line()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(10, ApplyToItems), MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([200L, 450, 600, 0], Cart.Discounts(order));
        Assert.Equal((1250L, 16250L), (order.ItemsDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Amount_limit_caps_each_line_of_a_percent_off_items()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(10, ApplyToItems) with { AmountLimit = 500 }, MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([200L, 450, 500, 0], Cart.Discounts(order));
        Assert.Equal(1150, order.ItemsDiscountAmount);
    }

    [Fact]
    public void Aggregated_amount_limit_caps_the_sum_of_a_percent_off_items_filling_in_order_PROPOSAL()
    {
        var discount = Cart.PercentOff(10, ApplyToItems) with { AggregatedAmountLimit = 1000 };

        var order = DiscountCalculator.Apply(discount, MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([200L, 450, 350, 0], Cart.Discounts(order));
    }

    [Fact]
    public void The_lowest_of_the_discount_and_rule_limits_wins()
    {
        var rule = new ApplicableItemRule { AmountLimit = 300, AggregatedAmountLimit = 700 };
        var options = new DiscountOptions { ItemRule = (item, _) => item.ProductId == "bottle" ? null : rule };

        var order = DiscountCalculator.Apply(Cart.PercentOff(10, ApplyToItems) with { AmountLimit = 500 }, MugPosterTeeBottle(), options).Order;

        Assert.Equal([200L, 300, 200, 0], Cart.Discounts(order));
    }

    [Fact]
    public void A_rule_quantity_limit_takes_the_percentage_of_only_that_many_units_PROPOSAL()
    {
        var options = new DiscountOptions { ItemRule = (_, _) => new ApplicableItemRule { QuantityLimit = 1 } };

        var order = DiscountCalculator.Apply(Cart.PercentOff(50, ApplyToItems), Cart.Of(Cart.Line("tee", 3, 2000)), options).Order;

        Assert.Equal([1000L], Cart.Discounts(order));
    }

    [Theory]
    [InlineData(1999, 25, 500)]
    [InlineData(1950, 15, 293)]
    [InlineData(1949, 15, 292)]
    [InlineData(5, 10, 1)]
    public void Percentages_round_half_away_from_zero_per_line_PROPOSAL(long amount, int percent, long expected)
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(percent, ApplyToItems), Cart.Of(Cart.Line("a", 1, amount))).Order;

        Assert.Equal(expected, order.ItemsDiscountAmount);
    }

    [Fact]
    public void A_percent_off_the_order_rounds_half_away_from_zero_too_PROPOSAL()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(15), Cart.Of(1950)).Order;

        Assert.Equal(293, order.DiscountAmount);
    }

    [Fact]
    public void One_hundred_percent_off_items_leaves_every_matched_subtotal_at_zero()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(100, ApplyToItems), MugPosterTeeBottle()).Order;

        Assert.All(order.Items, item => Assert.Equal(0, item.SubtotalAmount));
        Assert.Equal(0, order.TotalAmount);
    }
}
