using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Orders;

/// <summary>/v1/orders through the real pipeline, and orders and customers that redemptions record.</summary>
public sealed class OrderApiTests : HostedApiTest
{
    [Fact]
    public async Task An_order_prices_its_lines_from_the_catalog_and_links_its_customer()
    {
        var productId = (await host.Server.PostAsync("/v1/products", new JsonObject { ["source_id"] = "book", ["price"] = 1500 })).Expect(HttpStatusCode.OK).Str("id");
        var order = (await host.Server.PostAsync("/v1/orders", new JsonObject
        {
            ["source_id"] = "web-1",
            ["items"] = new JsonArray(new JsonObject { ["product_id"] = productId, ["quantity"] = 2 }, new JsonObject { ["price"] = 300, ["quantity"] = 1 }),
            ["customer"] = new JsonObject { ["source_id"] = "reader", ["name"] = "Reader" },
            ["metadata"] = new JsonObject { ["channel"] = "web" },
        })).Expect(HttpStatusCode.OK);
        Assert.StartsWith("ord_", order.Str("id"));
        Assert.Equal("order", order.Str("object"));
        Assert.Equal("CREATED", order.Str("status"));
        Assert.Equal(3300, order.Long("amount"));
        Assert.Equal(3300, order.Long("total_amount"));
        Assert.Equal(3000, order.Long("items.0.amount"));
        Assert.Equal(1500, order.Long("items.0.price"));
        var customer = (await host.Server.GetJsonAsync("/v1/customers/reader")).Expect(HttpStatusCode.OK);
        Assert.Equal(customer.Str("id"), order.Str("customer_id"));

        var paid = (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = "web-1", ["status"] = "PAID" })).Expect(HttpStatusCode.OK);
        Assert.Equal(order.Str("id"), paid.Str("id"));
        Assert.Equal("PAID", paid.Str("status"));
        Assert.Equal(3300, paid.Long("amount"));
        Assert.Equal("web", paid.Str("metadata.channel"));

        var fewer = (await host.Server.PutAsync("/v1/orders/web-1", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["price"] = 700, ["quantity"] = 1 }) })).Expect(HttpStatusCode.OK);
        Assert.Equal(700, fewer.Long("amount"));
        Assert.Equal("PAID", fewer.Str("status"));
        Assert.Equal(700, (await host.Server.GetJsonAsync($"/v1/orders/{order.Str("id")}")).Expect(HttpStatusCode.OK).Long("amount"));
    }

    [Fact]
    public async Task Amount_fields_a_calculation_leaves_out_are_absent_from_the_order_not_null()
    {
        var created = (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = "plain", ["amount"] = 5000 })).Expect(HttpStatusCode.OK);
        var updated = (await host.Server.PutAsync("/v1/orders/plain", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["price"] = 700, ["quantity"] = 2 }) })).Expect(HttpStatusCode.OK);
        var read = (await host.Server.GetJsonAsync("/v1/orders/plain")).Expect(HttpStatusCode.OK);

        foreach (var order in new[] { created, updated, read })
        {
            var nulls = order.Json!.AsObject().Where(field => field.Value is null).Select(field => field.Key);
            Assert.Empty(nulls);
        }

        Assert.Equal(1400, read.Long("amount"));
        Assert.Equal(1400, read.Long("total_amount"));
    }

    [Fact]
    public async Task Bad_orders_are_400_and_write_nothing()
    {
        (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = "o", ["status"] = "SHIPPED" })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = "o", ["amount"] = -5 })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = "o", ["items"] = new JsonArray(new JsonObject { ["quantity"] = -1 }) })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/orders")).Expect(HttpStatusCode.OK).Long("total"));
        (await host.Server.GetJsonAsync("/v1/orders/o")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.PutAsync("/v1/orders/o", new JsonObject { ["status"] = "PAID" })).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Lists_page_newest_first_and_stay_in_their_project()
    {
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            (await host.Server.PostAsync("/v1/orders", new JsonObject { ["source_id"] = $"o{i}", ["amount"] = 100 * (i + 1) })).Expect(HttpStatusCode.OK);
        }

        var page = (await host.Server.GetJsonAsync("/v1/orders?limit=2")).Expect(HttpStatusCode.OK);
        Assert.Equal("orders", page.Str("data_ref"));
        Assert.Equal(3, page.Long("total"));
        Assert.Equal(["o2", "o1"], page.Node("orders")!.AsArray().Select(o => o!["source_id"]!.GetValue<string>()));
        Assert.Equal("o0", (await host.Server.GetJsonAsync("/v1/orders?order=created_at&limit=1")).Str("orders.0.source_id"));
        Assert.Equal(0, (await host.OtherProject.GetJsonAsync("/v1/orders")).Long("total"));
    }

    [Fact]
    public async Task A_redemption_upserts_its_customer_and_records_its_order()
    {
        (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "carol", ["name"] = "Carol" })).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("TEN", 1000))).Expect(HttpStatusCode.OK);
        var body = new JsonObject
        {
            ["customer"] = new JsonObject { ["source_id"] = "carol", ["email"] = "carol@example.com" },
            ["order"] = new JsonObject { ["source_id"] = "checkout-7", ["amount"] = 5000 },
        };

        var redemption = (await host.Server.PostAsync("/v1/vouchers/TEN/redemption", body)).Expect(HttpStatusCode.OK);
        var customer = (await host.Server.GetJsonAsync("/v1/customers/carol")).Expect(HttpStatusCode.OK);
        Assert.Equal(customer.Str("id"), redemption.Str("customer_id"));
        Assert.Equal("Carol", customer.Str("name"));
        Assert.Equal("carol@example.com", customer.Str("email"));

        var orderId = redemption.Str("order.id");
        Assert.StartsWith("ord_", orderId);
        Assert.Equal("PAID", redemption.Str("order.status"));
        Assert.Equal(customer.Str("id"), redemption.Str("order.customer_id"));
        Assert.NotNull(redemption.Node($"order.redemptions.{redemption.Str("id")}"));
        var order = (await host.Server.GetJsonAsync("/v1/orders/checkout-7")).Expect(HttpStatusCode.OK);
        Assert.Equal(orderId, order.Str("id"));
        Assert.Equal(1000, order.Long("discount_amount"));
        Assert.Equal(4000, order.Long("total_amount"));
        Assert.Equal("TEN", redemption.Str("voucher.code"));
        Assert.Equal(redemption.Str("voucher.id"), order.Str($"redemptions.{redemption.Str("id")}.related_object_id"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/customers")).Long("total"));
    }
}
