using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS §4, row by row.</summary>
public sealed class FixedDiscountTests
{
    private static OrderCalculated Cart46500() => Cart.Of(
        Cart.Line("pink", 1, 6500), Cart.Line("navy", 1, 6000), Cart.Line("ship", 1, 2000), Cart.Line("gray", 2, 5000), Cart.Line("pearl", 2, 11000));

    [Fact]
    public void A_fixed_order_total_of_20000_on_46500_takes_26500()
    {
        var order = DiscountCalculator.Apply(Cart.FixedAt(20000), Cart46500()).Order;

        Assert.Equal((26500L, 20000L), (order.DiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void A_fixed_order_total_above_the_cart_takes_nothing_and_has_no_effect()
    {
        var outcome = DiscountCalculator.Apply(Cart.FixedAt(20000), Cart.Of(15000));

        Assert.Equal(0, outcome.Order.DiscountAmount);
        Assert.Equal(15000, outcome.Order.TotalAmount);
        Assert.False(outcome.HasEffect);
    }

    [Fact]
    public void A_fixed_order_total_is_measured_against_the_already_discounted_total()
    {
        var discounted = DiscountCalculator.Apply(Cart.AmountOff(6500), Cart46500()).Order;

        var order = DiscountCalculator.Apply(Cart.FixedAt(20000), discounted).Order;

        Assert.Equal(20000, order.AppliedDiscountAmount);
        Assert.Equal(20000, order.TotalAmount);
    }

    [Fact]
    public void A_fixed_unit_price_from_the_rule_discounts_every_unit_above_it()
    {
        var cart = Cart.Of(Cart.Line("mug", 2, 1000), Cart.Line("poster", 3, 1500), Cart.Line("tee", 3, 2000), Cart.Line("bottle", 2, 2500));
        var newPrice = new ApplicableItemRule { Price = 1000 };
        var options = new DiscountOptions { ItemRule = (item, _) => item.ProductId == "bottle" ? null : newPrice };
        var discount = new Discount { Type = DiscountTypes.Fixed, Effect = ApplyToItems };

        var order = DiscountCalculator.Apply(discount, cart, options).Order;

        Assert.Equal([0L, 1500, 3000, 0], Cart.Discounts(order));
        Assert.Equal((4500L, 13000L), (order.ItemsDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void Fixed_unit_prices_per_rule_entry_reproduce_the_real_Fixed_example()
    {
        var prices = new Dictionary<string, ApplicableItemRule>
        {
            ["pink"] = new() { Price = 5200 },
            ["navy"] = new() { Price = 5400 },
            ["ship"] = new() { Price = 0 },
            ["gray"] = new() { Price = 4500 },
            ["pearl"] = new() { Price = 8800 },
        };
        var options = new DiscountOptions { ItemRule = (item, _) => prices[item.ProductId!] };
        var discount = new Discount { Type = DiscountTypes.Fixed, Effect = ApplyToItems };

        var order = DiscountCalculator.Apply(discount, Cart46500(), options).Order;

        Assert.Equal([1300L, 600, 2000, 1000, 4400], Cart.Discounts(order));
        Assert.Equal([5200L, 5400, 0, 9000, 17600], Cart.Subtotals(order));
        Assert.Equal((46500L, 9300L, 37200L, 0L), (order.Amount!.Value, order.ItemsDiscountAmount, order.TotalAmount!.Value, order.DiscountAmount));
    }

    [Fact]
    public void Without_a_rule_price_the_discount_fixed_amount_is_the_new_unit_price_PROPOSAL()
    {
        var cart = Cart.Of(Cart.Line("mug", 2, 1000), Cart.Line("poster", 3, 1500), Cart.Line("tee", 3, 2000));

        var order = DiscountCalculator.Apply(Cart.FixedAt(1000, ApplyToItems), cart).Order;

        Assert.Equal([0L, 1500, 3000], Cart.Discounts(order));
    }

    [Fact]
    public void A_fixed_unit_price_applies_only_to_the_units_the_rule_allows()
    {
        var options = new DiscountOptions { ItemRule = (_, _) => new ApplicableItemRule { Price = 1000, QuantityLimit = 2 } };

        var order = DiscountCalculator.Apply(Cart.FixedAt(0, ApplyToItems), Cart.Of(Cart.Line("tee", 3, 2000)), options).Order;

        Assert.Equal([2000L], Cart.Discounts(order));
    }
}
