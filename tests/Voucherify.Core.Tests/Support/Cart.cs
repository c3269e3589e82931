using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Tests.Support;

/// <summary>Short builders for the carts of SEMANTICS's worked examples.</summary>
internal static class Cart
{
    public static OrderItemRequest Line(string id, long quantity, long? price = null, long? amount = null) =>
        new() { ProductId = id, Quantity = quantity, Price = price, Amount = amount };

    public static OrderCalculated Of(params OrderItemRequest[] items) =>
        OrderCalculated.From(new OrderRequest { Items = items });

    public static OrderCalculated Of(long amount, params OrderItemRequest[] items) =>
        OrderCalculated.From(new OrderRequest { Amount = amount, Items = items });

    public static Discount AmountOff(long amountOff, string effect = DiscountEffects.ApplyToOrder) =>
        new() { Type = DiscountTypes.Amount, AmountOff = amountOff, Effect = effect };

    public static Discount PercentOff(decimal percent, string effect = DiscountEffects.ApplyToOrder) =>
        new() { Type = DiscountTypes.Percent, PercentOff = percent, Effect = effect };

    public static Discount FixedAt(long fixedAmount, string effect = DiscountEffects.ApplyToOrder) =>
        new() { Type = DiscountTypes.Fixed, FixedAmount = fixedAmount, Effect = effect };

    public static Discount FreeUnits(long units, string unitType, string effect) =>
        new() { Type = DiscountTypes.Unit, UnitOff = units, UnitType = unitType, Effect = effect };

    /// <summary>Only the lines whose product id is listed are applicable.</summary>
    public static Func<OrderItemCalculated, bool> Only(params string[] productIds) =>
        item => productIds.Contains(item.ProductId);

    public static long[] Discounts(OrderCalculated order) => [.. order.Items.Select(item => item.DiscountAmount)];

    public static long[] Subtotals(OrderCalculated order) => [.. order.Items.Select(item => item.SubtotalAmount ?? -1)];

    public static string KeyOf(Action action) => Assert.Throws<ApiException>(action).Error.Key;
}
