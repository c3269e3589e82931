using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

/// <summary>Validate and redeem judge the rules assigned to a voucher and to its campaign, and applicable_to shapes the discount.</summary>
public sealed class EligibilityApiTests : HostedApiTest
{
    [Fact]
    public async Task An_order_rule_that_fails_makes_validate_invalid_and_redeem_a_400_naming_the_rules_message()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("BIGSPEND", 1000))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "order.amount", "conditions": {"$more_than_or_equal": [5000]}, "error": {"message": "Spend 50 or more"}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);

        var invalid = (await host.Server.PostAsync("/v1/vouchers/BIGSPEND/validate", Bodies.Order(4000))).Expect(HttpStatusCode.OK);
        var valid = (await host.Server.PostAsync("/v1/vouchers/BIGSPEND/validate", Bodies.Order(5000))).Expect(HttpStatusCode.OK);
        var refused = await host.Server.PostAsync("/v1/vouchers/BIGSPEND/redemption", Bodies.Order(4000));

        Assert.False(invalid.Node("valid")!.GetValue<bool>());
        Assert.Equal("order_rules_violated", invalid.Str("error.key"));
        Assert.Equal("Spend 50 or more", invalid.Str("error.error.message"));
        Assert.True(valid.Node("valid")!.GetValue<bool>());
        Assert.Equal(4000, valid.Long("order.total_amount"));
        refused.ExpectError(HttpStatusCode.BadRequest, "order_rules_violated");
        Assert.Equal("Spend 50 or more", refused.Str("error.message"));
        Assert.StartsWith("rf_", refused.Str("resource_id"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/BIGSPEND")).Long("redemption.redeemed_quantity"));
        (await host.Server.PostAsync("/v1/vouchers/BIGSPEND/redemption", Bodies.Order(6000))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Customer_rules_read_the_stored_customer_and_the_request_overrides_it()
    {
        await Catalog.CustomerAsync(host, "cust_gold", "ann", new JsonObject { ["metadata"] = new JsonObject { ["tier"] = "gold" } });
        await Catalog.CustomerAsync(host, "cust_plain", "bob", new JsonObject { ["metadata"] = new JsonObject { ["tier"] = "basic" } });
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("GOLDONLY", 500))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "customer.metadata", "property": "tier", "conditions": {"$is": ["gold"]}}}""", error: "Gold members only");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);

        async Task<Reply> Redeem(JsonObject customer)
        {
            var body = Bodies.Order(3000);
            body["customer"] = customer;
            return await host.Server.PostAsync("/v1/vouchers/GOLDONLY/redemption", body);
        }

        (await Redeem(new JsonObject { ["source_id"] = "ann" })).Expect(HttpStatusCode.OK);
        var bob = await Redeem(new JsonObject { ["id"] = "cust_plain" });
        bob.ExpectError(HttpStatusCode.BadRequest, "customer_rules_violated");
        Assert.Equal("Gold members only", bob.Str("error.message"));
        (await Redeem(new JsonObject { ["id"] = "cust_plain", ["metadata"] = new JsonObject { ["tier"] = "gold" } })).Expect(HttpStatusCode.OK);
        (await Redeem(new JsonObject { ["source_id"] = "stranger" })).ExpectError(HttpStatusCode.BadRequest, "customer_rules_violated");

        // Validate writes nothing, so what it laid over the stored customer is that request's alone, though the stored
        // tree rules read is shared between requests (a redemption, above, also updates the customer it names).
        async Task<bool> Valid(JsonObject customer)
        {
            var body = Bodies.Order(3000);
            body["customer"] = customer;
            return (await host.Server.PostAsync("/v1/vouchers/GOLDONLY/validate", body)).Expect(HttpStatusCode.OK).Node("valid")!.GetValue<bool>();
        }

        await Catalog.CustomerAsync(host, "cust_carl", "carl", new JsonObject { ["metadata"] = new JsonObject { ["tier"] = "basic" } });
        Assert.False(await Valid(new JsonObject { ["source_id"] = "carl" }));
        Assert.True(await Valid(new JsonObject { ["source_id"] = "carl", ["metadata"] = new JsonObject { ["tier"] = "gold" } }));
        Assert.False(await Valid(new JsonObject { ["source_id"] = "carl" }));
        Assert.False(await Valid(new JsonObject { ["id"] = "cust_carl", ["source_id"] = "carl" }));
    }

    [Fact]
    public async Task Campaign_rules_apply_to_every_code_of_the_campaign()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Metadata gate", 2))).Expect(HttpStatusCode.OK);
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "redemption.metadata", "property": "channel", "conditions": {"$in": ["app"]}}, "2": {"name": "order.metadata", "property": "store", "conditions": {"$starts_with": ["EU-"]}}, "logic": "1 or 2"}""");
        await Catalog.AssignAsync(host, rule, "campaign", campaign.Str("id"));
        var code = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign.Str("id")}")).Str("vouchers.0.code");

        var web = Bodies.Order(1000);
        web["metadata"] = new JsonObject { ["channel"] = "web" };
        var app = Bodies.Order(1000);
        app["metadata"] = new JsonObject { ["channel"] = "app" };
        var euStore = Bodies.Order(1000);
        euStore["order"]!["metadata"] = new JsonObject { ["store"] = "EU-12" };

        Assert.False((await host.Server.PostAsync($"/v1/vouchers/{code}/validate", web)).Node("valid")!.GetValue<bool>());
        Assert.True((await host.Server.PostAsync($"/v1/vouchers/{code}/validate", app)).Node("valid")!.GetValue<bool>());
        Assert.True((await host.Server.PostAsync($"/v1/vouchers/{code}/validate", euStore)).Node("valid")!.GetValue<bool>());
    }

    [Fact]
    public async Task Applicable_to_limits_an_item_discount_to_the_matching_lines_and_excluded_ones_stay_full_price()
    {
        await Catalog.ProductAsync(host, "prod_tee", "tee", 2000, new JsonObject { ["kind"] = "apparel" });
        await Catalog.ProductAsync(host, "prod_cap", "cap", 1500, new JsonObject { ["kind"] = "apparel" });
        await Catalog.ProductAsync(host, "prod_mug", "mug", 1000, new JsonObject { ["kind"] = "kitchen" });
        var collection = (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse("""{"name": "Apparel", "type": "AUTO_UPDATE", "filter": {"junction": "and", "metadata.kind": {"conditions": {"$is": ["apparel"]}}}}"""))).Expect(HttpStatusCode.OK).Str("id");
        var voucher = Bodies.PercentVoucher("HALFAPPAREL", 50);
        voucher["discount"]!["effect"] = "APPLY_TO_ITEMS";
        var voucherId = (await host.Server.PostAsync("/v1/vouchers", voucher)).Str("id");
        var rule = await Catalog.RuleAsync(host, "{}", $$"""{"included": [{"object": "products_collection", "id": "{{collection}}", "effect": "APPLY_TO_EVERY"}], "excluded": [{"object": "product", "id": "prod_cap", "effect": "APPLY_TO_EVERY"}]}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucherId);

        var reply = (await host.Server.PostAsync("/v1/vouchers/HALFAPPAREL/validate", Catalog.Cart(("prod_tee", 2, 2000), ("prod_cap", 1, 1500), ("prod_mug", 1, 1000)))).Expect(HttpStatusCode.OK);

        Assert.True(reply.Node("valid")!.GetValue<bool>());
        Assert.Equal(2000, reply.Long("order.items.0.discount_amount"));
        Assert.Null(reply.Node("order.items.1.discount_amount"));
        Assert.Null(reply.Node("order.items.2.discount_amount"));
        Assert.Equal(2000, reply.Long("order.total_discount_amount"));
        Assert.Equal(collection, reply.Str("applicable_to.data.0.id"));
        Assert.Equal("products_collection", reply.Str("applicable_to.data.0.object"));
        Assert.Equal(1, reply.Long("applicable_to.total"));
        Assert.Equal("prod_cap", reply.Str("inapplicable_to.data.0.id"));
        Assert.Equal("list", reply.Str("inapplicable_to.object"));
        Assert.Equal("data", reply.Str("inapplicable_to.data_ref"));
        Assert.Equal(1, reply.Long("inapplicable_to.total"));
    }

    [Fact]
    public async Task Applicable_to_caps_per_entry_hold_on_redeem_and_a_sku_line_matches_its_product()
    {
        await Catalog.ProductAsync(host, "prod_tee", "tee", 2000);
        await Catalog.SkuAsync(host, "sku_tee_red", "tee-red", "prod_tee", 2000);
        var voucher = Bodies.AmountVoucher("TEEOFF", 500);
        voucher["discount"]!["effect"] = "APPLY_TO_ITEMS_BY_QUANTITY";
        var voucherId = (await host.Server.PostAsync("/v1/vouchers", voucher)).Str("id");
        var rule = await Catalog.RuleAsync(host, "{}", """{"included": [{"object": "product", "id": "prod_tee", "effect": "APPLY_TO_EVERY", "aggregated_quantity_limit": 3}]}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucherId);
        var cart = new JsonObject
        {
            ["order"] = JsonNode.Parse("""{"items": [{"sku_id": "sku_tee_red", "quantity": 2, "price": 2000}, {"source_id": "tee", "related_object": "product", "quantity": 2, "price": 2000}, {"product_id": "prod_other", "quantity": 5, "price": 100}]}"""),
        };

        var reply = (await host.Server.PostAsync("/v1/vouchers/TEEOFF/redemption", cart)).Expect(HttpStatusCode.OK);

        Assert.Equal(1000, reply.Long("order.items.0.discount_amount"));
        Assert.Equal(500, reply.Long("order.items.1.discount_amount"));
        Assert.Null(reply.Node("order.items.2.discount_amount"));
        Assert.Equal(1500, reply.Long("order.total_discount_amount"));
    }

    [Fact]
    public async Task Item_rules_over_products_and_collections_gate_the_voucher_on_the_client_side_too()
    {
        await Catalog.ProductAsync(host, "prod_tee", "tee", 2000);
        await Catalog.ProductAsync(host, "prod_mug", "mug", 1000);
        var collection = (await host.Server.PostAsync("/v1/product-collections", JsonNode.Parse("""{"name": "Mugs", "type": "STATIC", "products": [{"id": "prod_mug", "object": "product"}]}"""))).Expect(HttpStatusCode.OK).Str("id");
        var voucherId = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("MUGS2", 300))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "order.items.any", "conditions": {"$is": [{"object": "products_collection", "id": "COLLECTION"}]}, "rules": {"1": {"name": "order.items.quantity", "conditions": {"$more_than_or_equal": [2]}}}}}""".Replace("COLLECTION", collection, StringComparison.Ordinal), error: "Buy two mugs");
        await Catalog.AssignAsync(host, rule, "voucher", voucherId);

        var one = await host.Server.PostAsync("/v1/vouchers/MUGS2/validate", Catalog.Cart(("prod_tee", 1, 2000), ("prod_mug", 1, 1000)));
        var two = await host.Server.PostAsync("/v1/vouchers/MUGS2/validate", Catalog.Cart(("prod_mug", 2, 1000)));
        var client = await host.ClientSide.PostAsync("/client/v1/redeem?code=MUGS2", Catalog.Cart(("prod_mug", 1, 1000)));

        Assert.Equal("Buy two mugs", one.Str("error.error.message"));
        Assert.True(two.Node("valid")!.GetValue<bool>());
        client.ExpectError(HttpStatusCode.BadRequest, "order_rules_violated");
    }
}
