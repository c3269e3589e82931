using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS §12, the parts that are discount arithmetic: the R12.3 sequence, R12.1 ordering and R12.2 modes.</summary>
public sealed class StackingAccumulationTests
{
    private static OrderCalculated SkuAndBouquet()
    {
        var bouquet = new OrderItemRequest { ProductId = "prod_bouquet", Quantity = 1 };
        var request = new OrderRequest { Items = [new OrderItemRequest { SkuId = "sku_1", Quantity = 1 }, bouquet] };
        return OrderCalculated.From(request, item => new CatalogItem { Price = item.SkuId is null ? 700 : 2000 });
    }

    [Fact]
    public void Five_redeemables_accumulate_into_one_order_and_each_reports_only_its_own_part()
    {
        var start = SkuAndBouquet();
        Assert.Equal(2700, start.Amount);

        var coupon = DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItems), start).Order;
        Assert.Equal([1000L, 700], Cart.Discounts(coupon));
        Assert.Equal((1700L, 1700L, 1000L, 1700L), (coupon.ItemsDiscountAmount, coupon.TotalDiscountAmount, coupon.TotalAmount!.Value, coupon.ItemsAppliedDiscountAmount));

        // Step 2 (loyalty points) changes nothing; step 3's gift credits are an order-level amount off, capped at the total.
        var gift = DiscountCalculator.Apply(Cart.AmountOff(100), coupon).Order;
        Assert.Equal((100L, 100L, 1800L, 900L, 0L), (gift.DiscountAmount, gift.AppliedDiscountAmount, gift.TotalDiscountAmount, gift.TotalAmount!.Value, gift.ItemsAppliedDiscountAmount));

        var percent = DiscountCalculator.Apply(Cart.PercentOff(40), gift).Order;
        Assert.Equal((360L, 460L, 2160L, 540L), (percent.AppliedDiscountAmount, percent.DiscountAmount, percent.TotalDiscountAmount, percent.TotalAmount!.Value));

        var amount = DiscountCalculator.Apply(Cart.AmountOff(30), percent).Order;
        Assert.Equal((30L, 490L, 2190L, 510L), (amount.AppliedDiscountAmount, amount.DiscountAmount, amount.TotalDiscountAmount, amount.TotalAmount!.Value));

        var top = amount.WithAppliedSince(start);
        Assert.Equal(
            (2700L, 490L, 1700L, 2190L, 510L, 490L, 1700L, 2190L),
            (top.Amount!.Value, top.DiscountAmount, top.ItemsDiscountAmount, top.TotalDiscountAmount, top.TotalAmount!.Value,
             top.AppliedDiscountAmount, top.ItemsAppliedDiscountAmount, top.TotalAppliedDiscountAmount));
        Assert.Equal([1000L, 700], top.Items.Select(item => item.AppliedDiscountAmount));
    }

    [Fact]
    public void Twenty_then_ten_percent_in_discounted_mode_leaves_7560_of_10500()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(20), Cart.Of(10500)).Order;
        Assert.Equal(8400, order.TotalAmount);

        order = DiscountCalculator.Apply(Cart.PercentOff(10), order).Order;

        Assert.Equal(840, order.AppliedDiscountAmount);
        Assert.Equal(7560, order.TotalAmount);
    }

    [Theory]
    [InlineData(CalculationMode.Initial, 3000, 7000)]
    [InlineData(CalculationMode.Discounted, 2800, 7200)]
    public void The_calculation_mode_sets_the_base_of_a_second_percent(CalculationMode mode, long discount, long total)
    {
        var options = new DiscountOptions { Mode = mode };
        var order = DiscountCalculator.Apply(Cart.PercentOff(10), Cart.Of(10000), options).Order;

        order = DiscountCalculator.Apply(Cart.PercentOff(20), order, options).Order;

        Assert.Equal((discount, total), (order.DiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void In_initial_mode_a_percent_off_items_takes_the_line_amount_but_never_more_than_is_left()
    {
        var options = new DiscountOptions { Mode = CalculationMode.Initial };
        var order = DiscountCalculator.Apply(Cart.PercentOff(60, ApplyToItems), Cart.Of(Cart.Line("a", 1, 1000)), options).Order;

        order = DiscountCalculator.Apply(Cart.PercentOff(60, ApplyToItems), order, options).Order;

        Assert.Equal([1000L], Cart.Discounts(order));
        Assert.Equal(400, order.Items[0].AppliedDiscountAmount);
    }

    [Theory]
    [InlineData(false, ApplyToOrder)]
    [InlineData(true, ApplyToItems)]
    public void Amount_and_percent_without_an_effect_default_by_whether_the_rules_name_products(bool rulesTargetProducts, string expected)
    {
        var options = new DiscountOptions { RulesTargetProducts = rulesTargetProducts };

        var outcome = DiscountCalculator.Apply(Cart.PercentOff(10) with { Effect = null }, Cart.Of(Cart.Line("a", 1, 1000)), options);

        Assert.Equal(expected, outcome.Effect);
        Assert.Equal(100, outcome.TotalAppliedDiscountAmount);
    }

    [Fact]
    public void Fixed_without_an_effect_sets_the_order_total_even_when_the_rules_name_products_PROPOSAL()
    {
        var outcome = DiscountCalculator.Apply(Cart.FixedAt(600) with { Effect = null }, Cart.Of(Cart.Line("a", 1, 1000)), new DiscountOptions { RulesTargetProducts = true });

        Assert.Equal(ApplyToOrder, outcome.Effect);
        Assert.Equal(400, outcome.AppliedDiscountAmount);
    }

    [Fact]
    public void A_discount_on_a_fully_discounted_order_has_no_effect()
    {
        var paid = DiscountCalculator.Apply(Cart.PercentOff(100), Cart.Of(1000)).Order;

        var outcome = DiscountCalculator.Apply(Cart.AmountOff(500), paid);

        Assert.False(outcome.HasEffect);
        Assert.Equal(0, outcome.Order.TotalAmount);
    }

    [Fact]
    public void Applying_a_discount_leaves_the_input_order_unchanged()
    {
        var start = SkuAndBouquet();

        DiscountCalculator.Apply(Cart.AmountOff(1000, ApplyToItems), start);

        Assert.Equal(0, start.TotalDiscountAmount);
        Assert.Equal(2700, start.TotalAmount);
    }
}
