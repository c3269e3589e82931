using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS R1.3, third row: nothing priced (PROPOSAL, apart from the gift card's real key).</summary>
public sealed class MissingAmountTests
{
    private static OrderCalculated Unpriced() => Cart.Of(Cart.Line("prod_a", 2), Cart.Line("prod_b", 1));

    [Theory]
    [InlineData("AMOUNT")]
    [InlineData("PERCENT")]
    [InlineData("FIXED")]
    public void An_order_discount_on_an_order_with_nothing_priced_is_missing_amount_PROPOSAL(string type)
    {
        var discount = new Discount { Type = type, AmountOff = 100, PercentOff = 10, FixedAmount = 100, Effect = ApplyToOrder };

        var error = Assert.Throws<ApiException>(() => DiscountCalculator.Apply(discount, Unpriced())).Error;

        Assert.Equal((400, "missing_amount"), (error.Code, error.Key));
    }

    [Theory]
    [InlineData(ApplyToItems)]
    [InlineData(ApplyToItemsByQuantity)]
    [InlineData(ApplyToItemsProportionally)]
    [InlineData(ApplyToItemsProportionallyByQuantity)]
    public void An_item_discount_with_no_priced_item_is_missing_order_items_amount(string effect)
    {
        var error = Assert.Throws<ApiException>(() => DiscountCalculator.Apply(Cart.AmountOff(100, effect), Unpriced())).Error;

        Assert.Equal((400, "missing_order_items_amount"), (error.Code, error.Key));
    }

    [Fact]
    public void An_item_discount_whose_applicable_items_are_unpriced_is_missing_order_items_amount_even_with_an_order_amount()
    {
        var cart = Cart.Of(5000, Cart.Line("prod_a", 1), Cart.Line("prod_b", 1, 1000));

        Assert.Equal("missing_order_items_amount", Cart.KeyOf(() => DiscountCalculator.Apply(Cart.PercentOff(10, ApplyToItems), cart, Cart.Only("prod_a"))));
    }

    [Fact]
    public void An_order_discount_needs_only_the_order_amount()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(10), Cart.Of(20050, Cart.Line("a", 1, amount: 3000), Cart.Line("b", 1, amount: 2000), Cart.Line("c", 2, 1000, 1000))).Order;

        Assert.Equal((20050L, 2005L, 2005L, 18045L), (order.Amount!.Value, order.DiscountAmount, order.TotalDiscountAmount, order.TotalAmount!.Value));
        Assert.All(order.Items, item => Assert.Equal(0, item.DiscountAmount));
    }

    [Fact]
    public void A_discount_whose_amounts_exceed_the_range_of_money_is_an_invalid_payload_not_a_crash()
    {
        var cart = Cart.Of(Cart.Line("a", 1, long.MaxValue));

        Assert.Equal("invalid_payload", Cart.KeyOf(() => DiscountCalculator.Apply(Cart.AmountOff(long.MaxValue, ApplyToItemsByQuantity), Cart.Of(Cart.Line("a", 3, 10)))));
        Assert.Equal("invalid_payload", Cart.KeyOf(() => DiscountCalculator.Apply(Cart.FreeUnits(2, "a", AddNewItems), cart)));
    }

    [Fact]
    public void A_huge_percent_base_still_rounds_without_overflow()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(99.99m), Cart.Of(long.MaxValue)).Order;

        Assert.True(order.TotalAmount >= 0);
    }

    [Fact]
    public void A_discount_defined_only_by_an_unevaluated_formula_cannot_be_applied()
    {
        var discount = new Discount { Type = DiscountTypes.Amount, AmountOffFormula = "ORDER_AMOUNT * 0.1" };

        Assert.Equal("invalid_payload", Cart.KeyOf(() => DiscountCalculator.Apply(discount, Cart.Of(1000))));
    }

    [Fact]
    public void An_invalid_discount_is_refused_before_any_calculation()
    {
        Assert.Equal("invalid_payload", Cart.KeyOf(() => DiscountCalculator.Apply(Cart.PercentOff(101), Cart.Of(1000))));
    }
}
