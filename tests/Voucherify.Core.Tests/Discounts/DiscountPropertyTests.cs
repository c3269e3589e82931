using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>Invariants of SEMANTICS §1–§5 over random carts and random stacks of discounts.</summary>
public sealed class DiscountPropertyTests
{
    private const long Iterations = 2_000;

    private static DiscountOptions Options(int mask) => new()
    {
        ItemRule = (_, index) => (mask >> index & 1) == 1 ? ApplicableItemRule.Unlimited : null,
        CatalogLookup = Arbitrary.Catalog,
    };

    /// <summary>Applies the discount, or returns null when the order legitimately cannot take it (R1.3's missing amounts).</summary>
    private static DiscountOutcome? TryApply(Discount discount, OrderCalculated order, int mask)
    {
        try
        {
            return DiscountCalculator.Apply(discount, order, Options(mask));
        }
        catch (ApiException error) when (error.Error.Key is "missing_amount" or "missing_order_items_amount")
        {
            return null;
        }
    }

    [Fact]
    public void No_discount_is_ever_negative_or_more_than_its_line_or_the_order()
    {
        Gen.Select(Arbitrary.Order, Arbitrary.Discount.Array[1, 4], Arbitrary.Applicability).Sample((request, discounts, mask) =>
        {
            var order = OrderCalculated.From(request);
            foreach (var discount in discounts)
            {
                var outcome = TryApply(discount, order, mask);
                order = outcome?.Order ?? order;
                Assert.All(order.Items, item => Assert.InRange(item.DiscountAmount, 0, item.Amount ?? 0));
                Assert.All(order.Items, item => Assert.True(item.AppliedDiscountAmount >= 0));
                Assert.True(order.AppliedDiscountAmount >= 0);
                Assert.True(order.TotalAmount is null or >= 0, $"total {order.TotalAmount}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_discount_other_than_free_units_takes_at_most_the_total_it_found()
    {
        Gen.Select(Arbitrary.Order, Gen.OneOf(Arbitrary.AmountDiscount, Arbitrary.PercentDiscount, Arbitrary.FixedDiscount), Arbitrary.Applicability)
            .Sample((request, discount, mask) =>
            {
                var before = OrderCalculated.From(request);
                if (TryApply(discount, before, mask) is { } outcome)
                {
                    Assert.InRange(outcome.TotalAppliedDiscountAmount, 0, before.TotalAmount ?? 0);
                    Assert.Equal(before.TotalAmount - outcome.TotalAppliedDiscountAmount, outcome.Order.TotalAmount);
                    Assert.Equal(before.Amount, outcome.Order.Amount);
                }
            }, iter: Iterations);
    }

    [Fact]
    public void The_wire_order_always_satisfies_the_amount_algebra()
    {
        Gen.Select(Arbitrary.Order, Arbitrary.Discount.Array[1, 4], Arbitrary.Applicability).Sample((request, discounts, mask) =>
        {
            var start = OrderCalculated.From(request);
            var order = start;
            foreach (var discount in discounts)
            {
                order = TryApply(discount, order, mask)?.Order ?? order;
                AssertAlgebra(JsonSerializer.SerializeToNode(order, Wire.Options)!.AsObject());
            }

            AssertAlgebra(JsonSerializer.SerializeToNode(order.WithAppliedSince(start), Wire.Options)!.AsObject());
        }, iter: Iterations);
    }

    [Fact]
    public void Percent_limits_are_honoured()
    {
        Gen.Select(Arbitrary.Order, Arbitrary.PercentDiscount, Arbitrary.Applicability).Sample((request, discount, mask) =>
        {
            if (TryApply(discount, OrderCalculated.From(request), mask) is not { } outcome)
            {
                return;
            }

            var limit = discount.AmountLimit ?? long.MaxValue;
            Assert.True(outcome.AppliedDiscountAmount <= limit);
            Assert.All(outcome.Order.Items, item => Assert.True(item.AppliedDiscountAmount <= limit));
            Assert.True(outcome.ItemsAppliedDiscountAmount <= (discount.AggregatedAmountLimit ?? long.MaxValue));
            Assert.All(outcome.Order.Items, item => Assert.True(item.AppliedDiscountAmount <= Math.Round((item.Amount ?? 0) * discount.PercentOff!.Value / 100m, MidpointRounding.AwayFromZero)));
        }, iter: Iterations);
    }

    [Fact]
    public void Amount_off_items_gives_no_line_more_than_the_amount_off_and_proportional_splits_lose_no_cent()
    {
        Gen.Select(Arbitrary.Order, Arbitrary.AmountDiscount, Arbitrary.Applicability).Sample((request, discount, mask) =>
        {
            var before = OrderCalculated.From(request);
            if (discount.Effect == ApplyToOrder || TryApply(discount, before, mask) is not { } outcome)
            {
                return;
            }

            var matched = before.Items.Where((item, index) => (mask >> index & 1) == 1 && item.Amount is not null).Sum(item => item.SubtotalAmount!.Value);
            Assert.True(outcome.ItemsAppliedDiscountAmount <= Math.Min(matched, discount.AggregatedAmountLimit ?? long.MaxValue));
            if (discount.Effect == ApplyToItems)
            {
                Assert.All(outcome.Order.Items, item => Assert.True(item.AppliedDiscountAmount <= discount.AmountOff));
            }

            if (discount.Effect is ApplyToItemsProportionally or ApplyToItemsProportionallyByQuantity)
            {
                var capacity = WeightedCapacity(before, mask, discount.Effect);
                var expected = new[] { discount.AmountOff!.Value, capacity, discount.AggregatedAmountLimit ?? long.MaxValue, before.TotalAmount!.Value }.Min();
                Assert.Equal(expected, outcome.ItemsAppliedDiscountAmount);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Free_units_add_to_the_order_amount_exactly_what_the_added_lines_are_worth()
    {
        Gen.Select(Arbitrary.Order, Arbitrary.UnitDiscount).Sample((request, discount) =>
        {
            var before = OrderCalculated.From(request);
            var outcome = DiscountCalculator.Apply(discount, before, Options(0));

            var addedValue = outcome.Order.Items.Sum(item => item.AppliedQuantityAmount);
            Assert.Equal((before.Amount ?? 0) + addedValue, outcome.Order.Amount ?? 0);
            Assert.True(outcome.Order.Items.Count - before.Items.Count is 0 or 1);
            Assert.Equal(0, outcome.AppliedDiscountAmount);
        }, iter: Iterations);
    }

    /// <summary>What the matched lines can take in a proportional split: a line of weight zero takes no share.</summary>
    private static long WeightedCapacity(OrderCalculated order, int mask, string effect) =>
        order.Items.Where((item, index) => (mask >> index & 1) == 1 && item.Amount is not null)
            .Where(item => effect == ApplyToItemsProportionally || item.Quantity > 0)
            .Sum(item => item.SubtotalAmount!.Value);

    private static void AssertAlgebra(JsonObject order)
    {
        var items = order["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
        Assert.Equal(items.Sum(item => Long(item, "discount_amount")), Long(order, "items_discount_amount"));
        Assert.Equal(items.Sum(item => Long(item, "applied_discount_amount")), Long(order, "items_applied_discount_amount"));
        Assert.Equal(Long(order, "discount_amount") + Long(order, "items_discount_amount"), Long(order, "total_discount_amount"));
        Assert.Equal(Long(order, "applied_discount_amount") + Long(order, "items_applied_discount_amount"), Long(order, "total_applied_discount_amount"));
        if (order.ContainsKey("amount"))
        {
            Assert.Equal(Long(order, "amount") - Long(order, "total_discount_amount"), Long(order, "total_amount"));
        }

        Assert.All(items.Where(item => item.ContainsKey("amount")), item =>
            Assert.Equal(Long(item, "amount") - Long(item, "discount_amount"), Long(item, "subtotal_amount")));
    }

    /// <summary>The wire leaves zero discount fields out, so an absent field reads as 0.</summary>
    private static long Long(JsonObject json, string field) => json[field] is { } value ? (long)value : 0;
}
