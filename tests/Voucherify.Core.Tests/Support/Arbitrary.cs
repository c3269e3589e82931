using CsCheck;
using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Support;

/// <summary>Random carts and discounts for the property tests; product ids repeat so UNIT effects find cart lines.</summary>
internal static class Arbitrary
{
    private static readonly Gen<long?> OptionalLimit = Gen.Select(Gen.Bool, Gen.Long[0, 30_000], (set, value) => set ? value : (long?)null);

    public static readonly Gen<OrderItemRequest> Item = Gen.Select(
        Gen.Int[0, 5], Gen.Long[0, 10], Gen.Long[0, 100_000], Gen.Int[0, 4], Gen.Long[0, 200_000],
        (product, quantity, price, shape, amount) => new OrderItemRequest
        {
            ProductId = $"prod_{product}",
            Quantity = quantity,
            Price = shape == 0 ? null : price,
            Amount = shape == 1 ? amount : null,
        });

    public static readonly Gen<OrderRequest> Order = Gen.Select(
        Item.Array[1, 8], Gen.Bool, Gen.Long[0, 500_000],
        (items, explicitAmount, amount) => new OrderRequest { Items = items, Amount = explicitAmount ? amount : null });

    public static readonly Gen<Discount> AmountDiscount = Gen.Select(
        Gen.Long[0, 50_000], Gen.OneOf(ApplyToOrder, ApplyToItems, ApplyToItemsByQuantity, ApplyToItemsProportionally, ApplyToItemsProportionallyByQuantity), OptionalLimit,
        (amountOff, effect, aggregated) => new Discount { Type = DiscountTypes.Amount, AmountOff = amountOff, Effect = effect, AggregatedAmountLimit = aggregated });

    public static readonly Gen<Discount> PercentDiscount = Gen.Select(
        Gen.Int[0, 10_000], Gen.OneOf(ApplyToOrder, ApplyToItems), OptionalLimit, OptionalLimit,
        (hundredths, effect, limit, aggregated) => new Discount
        {
            Type = DiscountTypes.Percent, PercentOff = hundredths / 100m, Effect = effect, AmountLimit = limit, AggregatedAmountLimit = aggregated,
        });

    public static readonly Gen<Discount> FixedDiscount = Gen.Select(
        Gen.Long[0, 200_000], Gen.OneOf(ApplyToOrder, ApplyToItems),
        (amount, effect) => new Discount { Type = DiscountTypes.Fixed, FixedAmount = amount, Effect = effect });

    public static readonly Gen<Discount> UnitDiscount = Gen.Select(
        Gen.Int[0, 5], Gen.Int[0, 7], Gen.OneOf(AddMissingItems, AddNewItems),
        (units, product, effect) => new Discount { Type = DiscountTypes.Unit, UnitOff = units, UnitType = $"prod_{product}", Effect = effect });

    public static readonly Gen<Discount> Discount = Gen.OneOf(AmountDiscount, PercentDiscount, FixedDiscount, UnitDiscount);

    /// <summary>A bit per line: set means the line is applicable.</summary>
    public static readonly Gen<int> Applicability = Gen.Int[0, 255];

    /// <summary>Catalog prices for products 0–7; product 7 is unknown to the catalog.</summary>
    public static CatalogItem? Catalog(string id) =>
        id == "prod_7" ? null : new CatalogItem { Price = 100 * (id.Length + id[^1]) };
}
