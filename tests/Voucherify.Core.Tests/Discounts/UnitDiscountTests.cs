using Voucherify.Core.Discounts;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;
using static Voucherify.Core.Discounts.DiscountEffects;

namespace Voucherify.Core.Tests.Discounts;

/// <summary>SEMANTICS §5, row by row.</summary>
public sealed class UnitDiscountTests
{
    private static OrderCalculated Tee() => Cart.Of(2900, Cart.Line("prod_tee", 1, 2900));

    [Fact]
    public void A_missing_unit_already_in_the_cart_is_discounted_without_adding_one()
    {
        var order = DiscountCalculator.Apply(Cart.FreeUnits(1, "prod_tee", AddMissingItems), Tee()).Order;

        var tee = Assert.Single(order.Items);
        Assert.Equal((1L, 2900L, 2900L, 0L), (tee.Quantity!.Value, tee.Amount!.Value, tee.DiscountAmount, tee.SubtotalAmount!.Value));
        Assert.Equal((2900L, 0L), (order.ItemsDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void A_new_unit_is_added_to_the_cart_line_and_only_it_is_discounted()
    {
        var order = DiscountCalculator.Apply(Cart.FreeUnits(1, "prod_tee", AddNewItems), Tee()).Order;

        var tee = Assert.Single(order.Items);
        Assert.Equal((2L, 5800L, 2900L, 2900L), (tee.Quantity!.Value, tee.Amount!.Value, tee.DiscountAmount, tee.SubtotalAmount!.Value));
        Assert.Equal((5800L, 2900L, 2900L), (order.Amount!.Value, order.InitialAmount!.Value, order.TotalAmount!.Value));
    }

    [Fact]
    public void Add_many_items_applies_each_unit_entry_with_its_own_effect()
    {
        var cart = Cart.Of(6000, Cart.Line("prod_red", 1, 2900), Cart.Line("prod_blue", 1, 3100));
        var discount = new Discount
        {
            Type = DiscountTypes.Unit,
            Effect = AddManyItems,
            Units = [
                new DiscountUnitEntry { UnitOff = 1, UnitType = "prod_red", Effect = AddMissingItems },
                new DiscountUnitEntry { UnitOff = 1, UnitType = "prod_blue", Effect = AddNewItems },
            ],
        };

        var order = DiscountCalculator.Apply(discount, cart).Order;

        var (red, blue) = (order.Items[0], order.Items[1]);
        Assert.Equal((1L, 1L, 1L, 2900L, 2900L, 0L), (red.Quantity!.Value, red.DiscountQuantity, red.InitialQuantity!.Value, red.Amount!.Value, red.DiscountAmount, red.SubtotalAmount!.Value));
        Assert.Equal((2L, 1L, 1L, 3100L, 6200L, 3100L, 3100L), (blue.Quantity!.Value, blue.DiscountQuantity, blue.InitialQuantity!.Value, blue.InitialAmount!.Value, blue.Amount!.Value, blue.DiscountAmount, blue.SubtotalAmount!.Value));
        Assert.Equal((9100L, 6000L, 3100L), (order.Amount!.Value, order.ItemsDiscountAmount, order.TotalAmount!.Value));
    }

    [Fact]
    public void New_units_of_a_catalog_sku_not_in_the_stored_order_become_a_new_discounted_line()
    {
        var stored = Cart.Of(Cart.Line("prod_keychain", 1, 9500), Cart.Line("prod_pants", 1, 18500));
        var jacket = new CatalogItem { ProductId = "prod_jacket", SkuId = "sku_jacket", Price = 29900 };
        var options = new DiscountOptions { CatalogLookup = id => id == "sku_jacket" ? jacket : null };

        var order = DiscountCalculator.Apply(Cart.FreeUnits(3, "sku_jacket", AddNewItems), stored, options).Order;

        var line = order.Items[2];
        Assert.Equal(("prod_jacket", "sku_jacket"), (line.ProductId, line.SkuId));
        Assert.Equal((3L, 3L, 0L, 0L, 29900L, 89700L, 89700L, 0L), (line.Quantity!.Value, line.DiscountQuantity, line.InitialQuantity!.Value, line.InitialAmount!.Value, line.Price!.Value, line.Amount!.Value, line.DiscountAmount, line.SubtotalAmount!.Value));
        Assert.Equal((117700L, 28000L), (order.Amount!.Value, order.InitialAmount!.Value));
    }

    [Fact]
    public void A_free_unit_with_no_known_price_is_added_bare_and_discounts_nothing()
    {
        var cart = Cart.Of(Cart.Line("prod_bottle", 2, 2500));

        var outcome = DiscountCalculator.Apply(Cart.FreeUnits(1, "prod_mug", AddMissingItems), cart, new DiscountOptions { CatalogLookup = _ => null });

        var mug = outcome.Order.Items[1];
        Assert.Equal(("prod_mug", 1L, 1L, 0L), (mug.ProductId, mug.Quantity!.Value, mug.DiscountQuantity, mug.InitialQuantity!.Value));
        Assert.Null(mug.Price);
        Assert.Null(mug.Amount);
        Assert.Null(mug.SubtotalAmount);
        Assert.Equal((5000L, 5000L), (outcome.Order.Amount!.Value, outcome.Order.TotalAmount!.Value));
        Assert.Null(outcome.Order.InitialAmount);
        Assert.True(outcome.HasEffect);
    }

    [Fact]
    public void Free_shipping_is_added_bare_even_when_the_catalog_knows_a_price()
    {
        var cart = Cart.Of(Cart.Line("prod_coffee", 1, 1200), Cart.Line("prod_print", 1, 3100));
        var discount = Cart.FreeUnits(1, "prod_5h1pp1ng", AddMissingItems) with
        {
            Product = new DiscountProduct { Id = "prod_5h1pp1ng", SourceId = "5h1pp1ng", Name = "Shipping" },
        };
        var options = new DiscountOptions { CatalogLookup = _ => new CatalogItem { Price = 999 } };

        var order = DiscountCalculator.Apply(discount, cart, options).Order;

        var shipping = order.Items[2];
        Assert.Equal(("prod_5h1pp1ng", "Shipping"), (shipping.ProductId, shipping.Product!.Name));
        Assert.Null(shipping.Amount);
        Assert.Equal((4300L, 4300L), (order.Amount!.Value, order.TotalAmount!.Value));
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(1, 1, 2)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 0, 2)]
    public void Add_missing_items_tops_the_cart_up_to_the_granted_units_and_discounts_all_of_them(int held, long added, long discounted)
    {
        var cart = held == 0 ? Cart.Of(Cart.Line("prod_other", 1, 500)) : Cart.Of(Cart.Line("prod_other", 1, 500), Cart.Line("prod_tee", held, 2900));
        var options = new DiscountOptions { CatalogLookup = _ => new CatalogItem { Price = 2900 } };

        var order = DiscountCalculator.Apply(Cart.FreeUnits(2, "prod_tee", AddMissingItems), cart, options).Order;

        var tee = order.Items[1];
        Assert.Equal(held + added, tee.Quantity);
        Assert.Equal(added, tee.AppliedQuantity);
        Assert.Equal(discounted, tee.DiscountQuantity);
        Assert.Equal(discounted * 2900, tee.DiscountAmount);
    }

    [Fact]
    public void A_unit_without_an_effect_defaults_to_add_missing_items_PROPOSAL()
    {
        var discount = Cart.FreeUnits(1, "prod_tee", AddMissingItems) with { Effect = null };

        var outcome = DiscountCalculator.Apply(discount, Tee());

        Assert.Equal(AddMissingItems, outcome.Effect);
        Assert.Equal(1, outcome.Order.Items[0].Quantity);
    }

    [Fact]
    public void Added_units_are_reported_as_this_request_applied_quantity_and_amount()
    {
        var order = DiscountCalculator.Apply(Cart.FreeUnits(2, "prod_tee", AddNewItems), Tee()).Order;

        var tee = order.Items[0];
        Assert.Equal((2L, 5800L, 2L, 5800L), (tee.AppliedQuantity, tee.AppliedQuantityAmount, tee.AppliedDiscountQuantity, tee.AppliedDiscountAmount));
    }

    [Fact]
    public void A_cart_line_is_found_by_its_sku_when_the_unit_type_is_a_sku()
    {
        var cart = OrderCalculated.From(new OrderRequest { Items = [new OrderItemRequest { ProductId = "prod_x", SkuId = "sku_x", Quantity = 1, Price = 2000 }] });

        var order = DiscountCalculator.Apply(Cart.FreeUnits(1, "sku_x", AddMissingItems), cart).Order;

        Assert.Single(order.Items);
        Assert.Equal(2000, order.Items[0].DiscountAmount);
    }
}
