using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Tests.Support;

namespace Voucherify.Core.Tests.Orders;

/// <summary>SEMANTICS R1.4 on the wire: which fields the order and its items carry.</summary>
public sealed class OrderWireTests
{
    private static JsonObject ToJson(OrderCalculated order) =>
        JsonSerializer.SerializeToNode(order, Wire.Options)!.AsObject();

    [Fact]
    public void An_undiscounted_order_shows_amount_total_and_item_subtotals_but_no_discount_fields()
    {
        var json = ToJson(Cart.Of(Cart.Line("prod_a", 1, 1200), Cart.Line("prod_b", 1, 3100)));

        Assert.Equal(4300, (long)json["amount"]!);
        Assert.Equal(4300, (long)json["total_amount"]!);
        Assert.Equal("order", (string)json["object"]!);

        // initial_amount only when it differs from amount is a PROPOSAL (R1.3).
        foreach (var field in new[] { "discount_amount", "items_discount_amount", "total_discount_amount", "applied_discount_amount", "initial_amount" })
        {
            Assert.False(json.ContainsKey(field), field);
        }

        var item = json["items"]![0]!.AsObject();
        Assert.Equal("order_item", (string)item["object"]!);
        Assert.Equal(1200, (long)item["subtotal_amount"]!);
        Assert.False(item.ContainsKey("discount_amount"));
    }

    [Fact]
    public void Quantity_sent_as_a_string_is_echoed_as_a_number()
    {
        var request = JsonSerializer.Deserialize<OrderRequest>("""{"items":[{"product_id":"p","quantity":"3","price":100}]}""", Wire.Options)!;

        var json = ToJson(OrderCalculated.From(request));

        Assert.Equal(JsonValueKind.Number, json["items"]![0]!["quantity"]!.GetValueKind());
        Assert.Equal(3, (long)json["items"]![0]!["quantity"]!);
    }

    [Theory]
    [InlineData("""{"items":[{"quantity":"two"}]}""")]
    [InlineData("""{"items":[{"quantity":1.5}]}""")]
    [InlineData("""{"items":[{"quantity":1,"price":10.5}]}""")]
    [InlineData("""{"amount":"1000"}""")]
    public void Fractional_money_and_non_numeric_quantities_are_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OrderRequest>(json, Wire.Options));
    }

    [Fact]
    public void Integral_money_written_with_a_decimal_point_is_accepted()
    {
        var request = JsonSerializer.Deserialize<OrderRequest>("""{"amount":1000.0,"items":[{"quantity":"1","price":1e3}]}""", Wire.Options)!;

        Assert.Equal(1000, request.Amount);
        Assert.Equal(1000, request.Items![0].Price);
    }

    [Fact]
    public void A_discounted_order_carries_the_full_amount_algebra()
    {
        var order = Cart.Of(Cart.Line("prod_a", 1, 2000), Cart.Line("prod_b", 1, 700));
        order = DiscountCalculator.Apply(Cart.AmountOff(1000, DiscountEffects.ApplyToItems), order).Order;
        order = DiscountCalculator.Apply(Cart.AmountOff(100), order).Order;

        var json = ToJson(order);

        Assert.Equal(2700, (long)json["amount"]!);
        Assert.Equal(100, (long)json["discount_amount"]!);
        Assert.Equal(1700, (long)json["items_discount_amount"]!);
        Assert.Equal(1800, (long)json["total_discount_amount"]!);
        Assert.Equal(900, (long)json["total_amount"]!);
        Assert.Equal(100, (long)json["applied_discount_amount"]!);
        Assert.Equal(100, (long)json["total_applied_discount_amount"]!);
        Assert.False(json.ContainsKey("items_applied_discount_amount"));
        Assert.Equal(0, (long)json["items"]![1]!["subtotal_amount"]!);
        Assert.Equal(700, (long)json["items"]![1]!["discount_amount"]!);
    }

    [Fact]
    public void A_stored_order_reads_back_with_its_discounts_and_derives_its_totals_again()
    {
        var order = DiscountCalculator.Apply(Cart.PercentOff(10, DiscountEffects.ApplyToItems), Cart.Of(Cart.Line("p", 2, 1000))).Order;

        var back = JsonSerializer.Deserialize<OrderCalculated>(JsonSerializer.Serialize(order, Wire.Options), Wire.Options)!;

        Assert.Equal(200, back.Items[0].DiscountAmount);
        Assert.Equal(200, back.ItemsDiscountAmount);
        Assert.Equal(1800, back.TotalAmount);
        Assert.Equal(JsonSerializer.Serialize(order, Wire.Options), JsonSerializer.Serialize(back, Wire.Options));
    }
}
