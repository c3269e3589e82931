using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;

namespace Voucherify.Core.Tests.Orders;

/// <summary>SEMANTICS R1.2 and R1.3: how a request order becomes the calculated order.</summary>
public sealed class OrderNormalizationTests
{
    [Fact]
    public void Order_amount_is_the_sum_of_item_amounts_and_string_quantities_are_accepted()
    {
        var request = JsonSerializer.Deserialize<OrderRequest>(
            """
            {"items":[{"quantity":1,"price":6500},{"quantity":1,"price":6000},{"quantity":1,"price":2000},
                      {"quantity":"2","price":5000},{"quantity":"2","price":11000}]}
            """,
            Wire.Options)!;

        var order = OrderCalculated.From(request);

        Assert.Equal(46500, order.Amount);
        Assert.Equal([6500L, 6000, 2000, 10000, 22000], order.Items.Select(item => item.Amount!.Value));
        Assert.Equal([1L, 1, 1, 2, 2], order.Items.Select(item => item.Quantity!.Value));
    }

    [Fact]
    public void A_request_order_amount_is_kept_even_when_it_differs_from_the_items()
    {
        var order = Cart.Of(20050, Cart.Line("a", 1, amount: 3000), Cart.Line("b", 1, amount: 2000), Cart.Line("c", 2, 1000, 1000));

        Assert.Equal(20050, order.Amount);
        Assert.Equal(20050, order.TotalAmount);
    }

    [Fact]
    public void A_request_item_amount_is_kept_even_when_it_differs_from_price_times_quantity()
    {
        var order = Cart.Of(Cart.Line("gift", 1, 3000, 3300));

        Assert.Equal(3300, order.Items[0].Amount);
        Assert.Equal(3000, order.Items[0].Price);
        Assert.Equal(3300, order.Amount);
    }

    [Fact]
    public void An_unpriced_line_takes_its_price_from_the_catalog()
    {
        var coffee = new OrderItemProduct { Id = "prod_coffee", SourceId = "arabica_plus", Name = "Arabica Coffee 250g", Price = 1200 };
        var request = new OrderRequest { Items = [new OrderItemRequest { ProductId = "prod_coffee", Quantity = 1 }] };

        var order = OrderCalculated.From(request, item => item.ProductId == "prod_coffee" ? new CatalogItem { Price = 1200, Product = coffee } : null);

        Assert.Equal(1200, order.Items[0].Price);
        Assert.Equal(1200, order.Items[0].Amount);
        Assert.Equal(coffee, order.Items[0].Product);
        Assert.Equal(1200, order.Amount);
    }

    [Fact]
    public void A_request_price_wins_over_the_catalog_price()
    {
        var request = new OrderRequest { Items = [new OrderItemRequest { SkuId = "sku_1", Quantity = 2, Price = 1500 }] };

        var order = OrderCalculated.From(request, _ => new CatalogItem { Price = 2000 });

        Assert.Equal(3000, order.Items[0].Amount);
    }

    [Fact]
    public void A_line_with_no_price_anywhere_has_no_amount_and_an_order_of_such_lines_has_no_amount()
    {
        var order = Cart.Of(Cart.Line("mystery", 2));

        Assert.Null(order.Items[0].Amount);
        Assert.Null(order.Items[0].SubtotalAmount);
        Assert.Null(order.Amount);
        Assert.Null(order.TotalAmount);
    }

    [Fact]
    public void A_line_without_quantity_counts_as_one_unit_PROPOSAL()
    {
        var order = OrderCalculated.From(new OrderRequest { Items = [new OrderItemRequest { ProductId = "p", Price = 700 }] });

        Assert.Equal(1, order.Items[0].Quantity);
        Assert.Equal(700, order.Amount);
    }

    [Theory]
    [InlineData("""{"amount":-1}""")]
    [InlineData("""{"items":[{"quantity":-1,"price":100}]}""")]
    [InlineData("""{"items":[{"quantity":1,"price":-100}]}""")]
    [InlineData("""{"items":[{"quantity":1,"amount":-100}]}""")]
    [InlineData("""{"items":[{"quantity":1,"source_id":"x","related_object":"voucher"}]}""")]
    public void Negative_money_or_quantities_and_unknown_related_objects_are_invalid_payloads(string json)
    {
        var request = JsonSerializer.Deserialize<OrderRequest>(json, Wire.Options)!;

        Assert.Equal("invalid_payload", Cart.KeyOf(() => OrderCalculated.From(request)));
    }

    [Fact]
    public void More_than_500_items_is_an_invalid_payload()
    {
        var items = Enumerable.Range(0, 501).Select(i => Cart.Line($"p{i}", 1, 100)).ToArray();

        Assert.Equal("invalid_payload", Cart.KeyOf(() => Cart.Of(items)));
    }

    [Fact]
    public void A_price_times_quantity_beyond_the_range_of_money_is_an_invalid_payload_not_a_crash()
    {
        Assert.Equal("invalid_payload", Cart.KeyOf(() => Cart.Of(Cart.Line("p", 4, long.MaxValue / 2))));
    }

    [Fact]
    public void Item_amounts_whose_sum_exceeds_the_range_of_money_are_an_invalid_payload()
    {
        Assert.Equal("invalid_payload", Cart.KeyOf(() => Cart.Of(Cart.Line("a", 1, long.MaxValue), Cart.Line("b", 1, 1))));
    }
}
