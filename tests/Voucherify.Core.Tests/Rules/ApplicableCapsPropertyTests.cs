using CsCheck;
using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;

namespace Voucherify.Core.Tests.Rules;

/// <summary>
/// The discount arithmetic under applicable_to entries with caps, as rules hand them to the calculator: each line gets
/// one of a few shared entries (or none), and every cap, line and order bound holds.
/// </summary>
public sealed class ApplicableCapsPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly Gen<ApplicableItemRule> Entry = Gen.Select(
        Optional(0, 6),
        Optional(0, 10),
        Optional(0, 5000),
        Optional(0, 20000),
        (quantity, aggregatedQuantity, amount, aggregatedAmount) => new ApplicableItemRule
        {
            QuantityLimit = quantity,
            AggregatedQuantityLimit = aggregatedQuantity,
            AmountLimit = amount,
            AggregatedAmountLimit = aggregatedAmount,
        });

    /// <summary>Up to three entries; each line picks one of them or none (index 3).</summary>
    private static readonly Gen<(ApplicableItemRule[] Entries, int[] Picks)> Applicable =
        Gen.Select(Entry.Array[3], Gen.Int[0, 3].Array[8]);

    private static Gen<long?> Optional(long low, long high) => Gen.Select(Gen.Bool, Gen.Long[low, high], (set, value) => set ? value : (long?)null);

    [Fact]
    public void Capped_item_discounts_stay_within_every_line_entry_and_order_bound_and_add_up()
    {
        Gen.Select(Arbitrary.Order, Gen.OneOf(Arbitrary.AmountDiscount, Arbitrary.PercentDiscount, Arbitrary.FixedDiscount), Applicable)
            .Sample((request, discount, applicable) =>
            {
                var before = OrderCalculated.From(request);
                ApplicableItemRule? RuleOf(int index) => index < applicable.Picks.Length && applicable.Picks[index] < 3 ? applicable.Entries[applicable.Picks[index]] : null;
                var options = new DiscountOptions { ItemRule = (_, index) => RuleOf(index), RulesTargetProducts = true };
                DiscountOutcome outcome;
                try
                {
                    outcome = DiscountCalculator.Apply(discount, before, options);
                }
                catch (ApiException error) when (error.Error.Key is "missing_amount" or "missing_order_items_amount")
                {
                    return;
                }

                var items = outcome.Order.Items;
                Assert.InRange(outcome.TotalAppliedDiscountAmount, 0, Math.Max(0, before.TotalAmount ?? 0));
                Assert.Equal(items.Sum(item => item.AppliedDiscountAmount), outcome.ItemsAppliedDiscountAmount);
                Assert.Equal(outcome.AppliedDiscountAmount + outcome.ItemsAppliedDiscountAmount, outcome.TotalAppliedDiscountAmount);
                Assert.Equal(before.TotalAmount - outcome.TotalAppliedDiscountAmount, outcome.Order.TotalAmount);
                for (var k = 0; k < items.Count; k++)
                {
                    var item = items[k];
                    Assert.InRange(item.DiscountAmount, 0, item.Amount ?? 0);
                    if (outcome.Effect == DiscountEffects.ApplyToOrder)
                    {
                        continue;
                    }

                    var rule = RuleOf(k);
                    if (rule is null)
                    {
                        Assert.Equal(0, item.AppliedDiscountAmount);
                        continue;
                    }

                    Assert.True(item.AppliedDiscountAmount <= (rule.AmountLimit ?? long.MaxValue), $"line {k}: {item.AppliedDiscountAmount} over amount_limit {rule.AmountLimit}");
                    if (discount.Type == DiscountTypes.Percent)
                    {
                        Assert.True(item.AppliedDiscountAmount <= Math.Round((item.Amount ?? 0) * discount.PercentOff!.Value / 100m, MidpointRounding.AwayFromZero));
                        Assert.True(item.AppliedDiscountAmount <= (discount.AmountLimit ?? long.MaxValue));
                    }
                }

                foreach (var entry in applicable.Entries.Where(e => e.AggregatedAmountLimit is not null))
                {
                    var spent = items.Where((_, k) => ReferenceEquals(RuleOf(k), entry)).Sum(item => item.AppliedDiscountAmount);
                    Assert.True(spent <= entry.AggregatedAmountLimit, $"entry spent {spent} over aggregated_amount_limit {entry.AggregatedAmountLimit}");
                }

                Assert.True(outcome.ItemsAppliedDiscountAmount <= (discount.AggregatedAmountLimit ?? long.MaxValue));
            }, iter: Iterations);
    }
}
