using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS §2, row by row.</summary>
public sealed class AmountDiscountTests
{
    private static OrderCalculated Cart46500() => Cart.Of(
        Cart.Line("pink", 1, 6500), Cart.Line("navy", 1, 6000), Cart.Line("ship", 1, 2000), Cart.Line("gray", 2, 5000), Cart.Line("pearl", 2, 11000));

    private static OrderCalculated MugPenShirtPhone() => Cart.Of(
        195000, Cart.Line("mug", 1, 2000), Cart.Line("pen", 1, 8000), Cart.Line("tshirt", 1, 5000), Cart.Line("iphone", 1, 180000));

    /// <summary>The guide's cart: 17500, of which the Star Bottle (5000) is not matched.</summary>
    private static OrderCalculated MugPosterTeeBottle() =>
        Cart.Of(Cart.Line("mug", 2, 1000), Cart.Line("poster", 3, 1500), Cart.Line("tee", 3, 2000), Cart.Line("bottle", 2, 2500));

    private static readonly Func<OrderItemCalculated, bool> NotTheBottle = Cart.Only("mug", "poster", "tee");

    [Fact]
    public void Amount_off_the_order_adds_an_order_level_discount_and_leaves_the_items_alone()
    {
        var outcome = DiscountCalculator.Apply(Cart.AmountOff(1000), Cart46500());

        var order = outcome.Order;
        Assert.Equal((1000L, 1000L, 1000L, 45500L), (order.DiscountAmount, order.AppliedDiscountAmount, order.TotalDiscountAmount, order.TotalAmount!.Value));
        Assert.All(order.Items, item => Assert.Equal(item.Amount, item.SubtotalAmount));
        Assert.Equal(1000, outcome.TotalAppliedDiscountAmount);
    }

    [Fact]
    public void Amount_off_an_already_discounted_order_takes_only_what_is_left_of_the_total()
    {
        var stored = new OrderCalculated { Amount = 10000, DiscountAmount = 9200, AppliedDiscountAmount = 9200 };

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000), stored).Order;

        Assert.Equal(10000, order.DiscountAmount);
        Assert.Equal(800, order.AppliedDiscountAmount);
        Assert.Equal(10000, order.TotalDiscountAmount);
        Assert.Equal(800, order.TotalAppliedDiscountAmount);
        Assert.Equal(0, order.TotalAmount);
    }

    [Fact]
    public void Amount_off_items_gives_each_matched_line_the_full_amount()
    {
        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItems), MugPenShirtPhone(), Cart.Only("mug", "pen")).Order;

        Assert.Equal([1000L, 1000, 0, 0], Cart.Discounts(order));
        Assert.Equal(2000, order.TotalDiscountAmount);
        Assert.Equal(193000, order.TotalAmount);
    }

    [Fact]
    public void Amount_off_items_is_capped_at_each_line_subtotal()
    {
        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItems), Cart.Of(Cart.Line("sku", 1, 2000), Cart.Line("bouquet", 1, 700))).Order;

        Assert.Equal([1000L, 700], Cart.Discounts(order));
        Assert.Equal([1000L, 0], Cart.Subtotals(order));
        Assert.Equal((2700L, 1700L, 1000L), (order.Amount!.Value, order.ItemsDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Aggregated_amount_limit_on_items_fills_lines_in_order_PROPOSAL()
    {
        var discount = Cart.AmountOff(1000, ApplyToItems) with { AggregatedAmountLimit = 1500 };

        var order = DiscountCalculator.Apply(discount, MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([1000L, 500, 0, 0], Cart.Discounts(order));
    }

    [Fact]
    public void Amount_off_by_quantity_discounts_every_unit_up_to_the_line_subtotal()
    {
        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsByQuantity), MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([2000L, 3000, 3000, 0], Cart.Discounts(order));
        Assert.Equal([2L, 3, 3, 0], order.Items.Select(item => item.DiscountQuantity));
        Assert.Equal(8000, order.ItemsDiscountAmount);
        Assert.Equal(9500, order.TotalAmount);
    }

    [Fact]
    public void Amount_off_by_quantity_honours_quantity_limits_per_line_and_across_lines()
    {
        var ruleA = new ApplicableItemRule { QuantityLimit = 1, AggregatedQuantityLimit = 1 };
        var ruleB = new ApplicableItemRule { QuantityLimit = 2, AggregatedQuantityLimit = 3 };
        var cart = Cart.Of(Cart.Line("a", 3, 1000), Cart.Line("b1", 2, 1500), Cart.Line("b2", 4, 1500));
        var options = new DiscountOptions { ItemRule = (item, _) => item.ProductId == "a" ? ruleA : ruleB };

        var order = DiscountCalculator.Apply(Cart.AmountOff(500, ApplyToItemsByQuantity), cart, options).Order;

        Assert.Equal([500L, 1000, 500], Cart.Discounts(order));
        Assert.Equal([1L, 2, 1], order.Items.Select(item => item.DiscountQuantity));
        Assert.Equal(2000, order.ItemsDiscountAmount);
    }

    [Fact]
    public void Amount_off_by_quantity_stops_at_the_aggregated_amount_limit()
    {
        var discount = Cart.AmountOff(1000, ApplyToItemsByQuantity) with { AggregatedAmountLimit = 4000 };

        var order = DiscountCalculator.Apply(discount, MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([2000L, 2000, 0, 0], Cart.Discounts(order));
    }

    [Fact]
    public void Amount_off_proportionally_splits_by_line_amount()
    {
        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionally), MugPenShirtPhone(), Cart.Only("mug", "pen")).Order;

        Assert.Equal([200L, 800, 0, 0], Cart.Discounts(order));
        Assert.Equal(1000, order.TotalDiscountAmount);
        Assert.Equal(194000, order.TotalAmount);
    }

    [Fact]
    public void Amount_off_proportionally_over_mug_poster_and_tee_gives_160_360_and_480()
    {
        var cart = Cart.Of(Cart.Line("mug", 1, 2000), Cart.Line("poster", 1, 4500), Cart.Line("tee", 1, 6000));

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionally), cart).Order;

        Assert.Equal([160L, 360, 480], Cart.Discounts(order));
    }

    [Fact]
    public void Proportional_leftover_cents_go_to_the_largest_remainders_ties_to_the_earlier_line_PROPOSAL()
    {
        var cart = Cart.Of(Cart.Line("a", 1, 1000), Cart.Line("b", 1, 1000), Cart.Line("c", 1, 1000));

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionally), cart).Order;

        Assert.Equal([334L, 333, 333], Cart.Discounts(order));
    }

    [Fact]
    public void Proportional_amount_at_least_the_matched_subtotals_discounts_every_matched_line_fully()
    {
        var cart = Cart.Of(Cart.Line("a", 1, 300), Cart.Line("b", 2, 200), Cart.Line("c", 1, 900));

        var order = DiscountCalculator.Apply(Cart.AmountOff(5000, ApplyToItemsProportionally), cart, Cart.Only("a", "b")).Order;

        Assert.Equal([300L, 400, 0], Cart.Discounts(order));
    }

    [Fact]
    public void Amount_off_proportionally_by_quantity_splits_by_units()
    {
        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionallyByQuantity), MugPosterTeeBottle(), NotTheBottle).Order;

        Assert.Equal([250L, 375, 375, 0], Cart.Discounts(order));
    }

    [Fact]
    public void By_quantity_share_above_a_line_subtotal_moves_to_the_other_lines_PROPOSAL()
    {
        var cart = Cart.Of(Cart.Line("a", 1, 100), Cart.Line("b", 1, 5000));

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionallyByQuantity), cart).Order;

        Assert.Equal([100L, 900], Cart.Discounts(order));
    }

    [Fact]
    public void A_rule_amount_limit_caps_a_proportional_share_and_the_excess_moves_on()
    {
        var capped = new ApplicableItemRule { AmountLimit = 100 };
        var cart = Cart.Of(Cart.Line("a", 1, 5000), Cart.Line("b", 1, 5000));
        var options = new DiscountOptions { ItemRule = (item, _) => item.ProductId == "a" ? capped : ApplicableItemRule.Unlimited };

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItemsProportionally), cart, options).Order;

        Assert.Equal([100L, 900], Cart.Discounts(order));
    }

    [Fact]
    public void Item_discounts_never_take_more_than_the_order_total_when_the_order_amount_is_below_its_items()
    {
        var cart = Cart.Of(1500, Cart.Line("a", 1, 2000), Cart.Line("b", 1, 2000));

        var order = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItems), cart).Order;

        Assert.Equal([1000L, 500], Cart.Discounts(order));
        Assert.Equal(0, order.TotalAmount);
    }
}
