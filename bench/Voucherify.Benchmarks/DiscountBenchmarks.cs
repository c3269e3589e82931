using BenchmarkDotNet.Attributes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;

namespace Voucherify.Benchmarks;

/// <summary>Discount computation on a five-line cart: order level, item level limited by applicable_to entries with caps, and a proportional split.</summary>
[MemoryDiagnoser]
public class DiscountBenchmarks
{
    private static readonly ApplicableItemRule Capped = new() { QuantityLimit = 2, AggregatedAmountLimit = 2500 };

    private readonly Discount orderAmount = new() { Type = DiscountTypes.Amount, AmountOff = 1500, Effect = DiscountEffects.ApplyToOrder };
    private readonly Discount itemsPercent = new() { Type = DiscountTypes.Percent, PercentOff = 20, Effect = DiscountEffects.ApplyToItems, AmountLimit = 1200 };
    private readonly Discount proportional = new() { Type = DiscountTypes.Amount, AmountOff = 3000, Effect = DiscountEffects.ApplyToItemsProportionally };
    private readonly DiscountOptions applicable = new() { ItemRule = (_, index) => index % 2 == 0 ? Capped : null, RulesTargetProducts = true };
    private OrderCalculated order = null!;

    [GlobalSetup]
    public void Setup() => order = OrderCalculated.From(new OrderRequest
    {
        Items = [.. Enumerable.Range(1, 5).Select(k => new OrderItemRequest { ProductId = $"prod_{k}", Quantity = k, Price = 1000 * k })],
    });

    [Benchmark(Baseline = true)]
    public long OrderLevelAmount() => DiscountCalculator.Apply(orderAmount, order).TotalAppliedDiscountAmount;

    [Benchmark]
    public long ItemPercentWithApplicableCaps() => DiscountCalculator.Apply(itemsPercent, order, applicable).TotalAppliedDiscountAmount;

    [Benchmark]
    public long ProportionalSplit() => DiscountCalculator.Apply(proportional, order).TotalAppliedDiscountAmount;
}
