using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Core.Tests.Rules;

/// <summary>Each rule name reads the part of the request, cart or counters the contract says it does.</summary>
public sealed class RuleNameTests
{
    private static readonly JsonObject Customer = new()
    {
        ["id"] = "cust_1",
        ["email"] = "ann@example.com",
        ["address"] = new JsonObject { ["city"] = "Berlin" },
        ["metadata"] = new JsonObject { ["tier"] = "gold", ["tags"] = new JsonArray("a", "b") },
        ["segments"] = new JsonArray(new JsonObject { ["id"] = "seg_vip" }),
    };

    // Tee: 2 x 2000 (product prod_tee, in collection pc_shirts); Mug: 1 x 1500 (sku sku_mug of prod_mug); Socks: 4 x 500.
    private static readonly CartLine[] Lines =
    [
        Line("prod_tee", null, 2, 2000, new JsonObject { ["color"] = "red" }, "pc_shirts"),
        Line("prod_mug", "sku_mug", 1, 1500, new JsonObject { ["color"] = "blue" }),
        Line("prod_socks", null, 4, 500, null),
    ];

    [Theory]
    [InlineData("customer.metadata", "tier", """{"$is": ["gold"]}""", true)]
    [InlineData("customer.metadata", "tier", """{"$is": ["silver"]}""", false)]
    [InlineData("customer.metadata", "tags", """{"$count": [2]}""", true)]
    [InlineData("customer.metadata", "missing", """{"$is_unknown": []}""", true)]
    [InlineData("customer.segment", null, """{"$in": ["seg_vip"]}""", true)]
    [InlineData("customer.segment", null, """{"$is": ["seg_new"]}""", false)]
    [InlineData("customer.email", null, """{"$ends_with": ["@example.com"]}""", true)]
    [InlineData("customer.address.city", null, """{"$is": ["Paris"]}""", false)]
    [InlineData("order.amount", null, """{"$more_than": [8000]}""", true)]
    [InlineData("order.amount", null, """{"$more_than": [9500]}""", false)]
    [InlineData("order.initial_amount", null, """{"$is": [9500]}""", true)]
    [InlineData("order.items.count", null, """{"$is": [3]}""", true)]
    [InlineData("order.items.quantity", null, """{"$more_than_or_equal": [7]}""", true)]
    [InlineData("order.items.price_any", null, """{"$more_than": [1800]}""", true)]
    [InlineData("order.items.price_each", null, """{"$more_than": [400]}""", true)]
    [InlineData("order.items.price_each", null, """{"$more_than": [600]}""", false)]
    [InlineData("order.items.metadata_any", "color", """{"$is": ["blue"]}""", true)]
    [InlineData("order.items.metadata_each", "color", """{"$has_value": []}""", false)]
    [InlineData("order.metadata", "store", """{"$is": ["Santorini"]}""", true)]
    [InlineData("redemption.metadata", "channel", """{"$in": ["web", "app"]}""", true)]
    [InlineData("product.id", null, """{"$is": ["prod_mug"]}""", true)]
    [InlineData("sku.id", null, """{"$is": ["sku_tee"]}""", false)]
    [InlineData("redemption.count.per_customer", null, """{"$less_than": [3]}""", true)]
    [InlineData("redemption.count.per_customer", null, """{"$less_than": [2]}""", false)]
    [InlineData("campaign.redemptions.count", null, """{"$less_than": [11]}""", true)]
    [InlineData("campaign.redemptions.count", null, """{"$less_than": [10]}""", false)]
    [InlineData("campaign.orders.amount_discounted", null, """{"$less_than_or_equal": [5000]}""", true)]
    [InlineData("campaign.orders.amount_discounted", null, """{"$less_than_or_equal": [4999]}""", false)]
    [InlineData("campaign.orders.amount", null, """{"$less_than": [100000]}""", true)]
    public void A_rule_name_reads_what_it_names(string name, string? property, string conditions, bool expected)
    {
        var rule = new JsonObject { ["name"] = name, ["conditions"] = JsonNode.Parse(conditions) };
        if (property is not null)
        {
            rule["property"] = property;
        }

        Assert.Equal(expected, Evaluate(new JsonObject { ["1"] = rule }));
    }

    [Theory]
    [InlineData("order.items.any", """[{"object": "product", "id": "prod_mug"}]""", """{"1": {"name": "order.items.quantity", "conditions": {"$is": [1]}}}""", true)]
    [InlineData("order.items.any", """[{"object": "product", "id": "prod_mug"}]""", """{"1": {"name": "order.items.quantity", "conditions": {"$more_than": [1]}}}""", false)]
    [InlineData("order.items.any", """[{"object": "sku", "id": "sku_mug"}]""", null, true)]
    [InlineData("order.items.any", """[{"object": "products_collection", "id": "pc_shirts"}]""", """{"1": {"name": "order.items.price", "conditions": {"$is": [2000]}}}""", true)]
    [InlineData("order.items.every", """[{"object": "product", "id": "prod_mug"}, {"object": "product", "id": "prod_tee"}]""", null, true)]
    [InlineData("order.items.every", """[{"object": "product", "id": "prod_mug"}, {"object": "product", "id": "prod_hat"}]""", null, false)]
    [InlineData("order.items.none", """[{"object": "product", "id": "prod_hat"}]""", null, true)]
    [InlineData("order.items.none", """[{"object": "product", "id": "prod_socks"}]""", null, false)]
    [InlineData("order.items.cheapest", """[{"object": "product", "id": "prod_socks"}]""", null, true)]
    [InlineData("order.items.cheapest", """[{"object": "product", "id": "prod_tee"}]""", null, false)]
    [InlineData("order.items.most_expensive", """[{"object": "product", "id": "prod_tee"}]""", """{"1": {"name": "order.items.metadata", "property": "color", "conditions": {"$is": ["red"]}}}""", true)]
    [InlineData("order.items.any", """[{"object": "product", "id": "prod_tee"}]""", """{"1": {"name": "order.items.aggregated_amount", "conditions": {"$more_than_or_equal": [4000]}}, "2": {"name": "order.items.aggregated_quantity", "conditions": {"$is": [2]}}, "logic": "1 and 2"}""", true)]
    public void Item_rules_match_products_skus_and_collections_with_their_nested_rules(string name, string references, string? nested, bool expected)
    {
        var rule = new JsonObject { ["name"] = name, ["conditions"] = new JsonObject { ["$is"] = JsonNode.Parse(references) } };
        if (nested is not null)
        {
            rule["rules"] = JsonNode.Parse(nested);
        }

        Assert.Equal(expected, Evaluate(new JsonObject { ["1"] = rule }));
    }

    [Fact]
    public void Nested_logic_combines_rules_and_names_the_first_that_failed()
    {
        var rules = JsonNode.Parse("""
            {
              "1": {"name": "order.amount", "conditions": {"$more_than": [100000]}, "error": {"message": "Spend more"}},
              "2": {"name": "customer.metadata", "property": "tier", "conditions": {"$is": ["gold"]}},
              "3": {"name": "order.items.any", "conditions": {"$is": [{"object": "product", "id": "prod_tee"}]},
                    "rules": {"1": {"name": "order.items.quantity", "conditions": {"$more_than": [5]}}, "2": {"name": "order.items.price", "conditions": {"$is": [2000]}}, "logic": "1 or 2"}},
              "logic": "(1 or 2) and 3"
            }
            """)!.AsObject();
        var set = RuleCompiler.Compile(rules);
        Assert.True(set.Evaluate(Context(), out var none));
        Assert.Null(none);

        var strict = RuleCompiler.Compile(JsonNode.Parse(rules.ToJsonString().Replace("(1 or 2) and 3", "1 and (2 or 3)"))!.AsObject());
        Assert.False(strict.Evaluate(Context(), out var failed));
        Assert.Equal(1, failed!.Number);
        Assert.Equal("Spend more", failed.ErrorMessage);
    }

    [Theory]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$more_than": [1000]}}, "2": {"name": "order.items.count", "conditions": {"$more_than_or_equal": [1]}}}""", false, false)]
    [InlineData("""{"1": {"name": "order.items.price_each", "conditions": {"$more_than": [1]}}, "2": {"name": "order.items.metadata_any", "property": "color", "conditions": {"$is": ["red"]}}}""", false, false)]
    [InlineData("""{"1": {"name": "customer.metadata", "property": "tier", "conditions": {"$is_not": ["banned"]}}}""", false, true)]
    [InlineData("""{"1": {"name": "redemption.count.per_customer", "conditions": {"$less_than": [2]}}}""", false, true)]
    [InlineData("""{"1": {"name": "product.id", "conditions": {"$is": ["prod_1"]}}}""", true, false)]
    [InlineData("""{"1": {"name": "sku.id", "conditions": {"$is": ["sku_1"]}}}""", true, false)]
    [InlineData("""{"1": {"name": "product.metadata", "property": "kind", "conditions": {"$is": ["x"]}}}""", true, false)]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$more_than": [1]}}, "2": {"name": "order.items.any", "conditions": {"$is": [{"object": "products_collection", "id": "pc_1"}]}}}""", true, false)]
    public void A_rule_set_says_whether_judging_it_needs_the_catalog_or_the_stored_customer(string rules, bool catalog, bool customer)
    {
        var set = RuleCompiler.Compile(JsonNode.Parse(rules)!.AsObject());

        Assert.Equal(catalog, set.ReadsCatalog);
        Assert.Equal(customer, set.ReadsCustomer);
    }

    [Theory]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$more_than": [1000]}}, "2": {"name": "customer.metadata", "property": "tier", "conditions": {"$is": ["gold"]}}}""", false)]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$more_than": [1000]}}, "2": {"name": "campaign.redemptions.count", "conditions": {"$less_than": [100]}}}""", true)]
    [InlineData("""{"1": {"name": "redemption.count.per_customer", "conditions": {"$less_than": [2]}}}""", true)]
    [InlineData("""{"1": {"name": "campaign.orders.amount_discounted", "conditions": {"$less_than_or_equal": [50000]}}}""", true)]
    public void A_rule_set_says_whether_it_has_a_budget_that_reads_and_moves_counters(string rules, bool budgets) =>
        Assert.Equal(budgets, RuleCompiler.Compile(JsonNode.Parse(rules)!.AsObject()).HasBudgets);

    [Theory]
    [InlineData("""{"1": {"name": "customer.metadata", "conditions": {"$is": ["x"]}}}""", "property")]
    [InlineData("""{"1": {"name": "loyalty.points", "conditions": {"$is": [1]}}}""", "loyalty.points")]
    [InlineData("""{"1": {"conditions": {"$is": [1]}}}""", "name")]
    [InlineData("""{"x": {"name": "order.amount", "conditions": {"$is": [1]}}}""", "\"x\"")]
    [InlineData("""{"1": {"name": "order.items.any", "conditions": {"$is": ["prod"]}}}""", "order.items.any")]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$is": [1]}}, "logic": "1 or 2"}""", "rule 2")]
    [InlineData("""{"1": {"name": "order.items.any", "conditions": {"$is": [{"object": "product", "id": "p"}]}, "rules": {"1": {"name": "order.amount", "conditions": {"$nope": [1]}}}}}""", "rules.1.rules.1")]
    public void A_rule_document_the_engine_cannot_evaluate_is_refused_with_the_reason(string rules, string mentioned)
    {
        var error = Assert.Throws<ApiException>(() => RuleCompiler.Compile(JsonNode.Parse(rules)!.AsObject()));
        Assert.Equal("invalid_validation_rules", error.Error.Key);
        Assert.Contains(mentioned, error.Error.Details);
    }

    private static bool Evaluate(JsonObject rules) => RuleCompiler.Compile(rules).Evaluate(Context(), out _);

    private static RuleContext Context()
    {
        var order = OrderCalculated.From(new OrderRequest
        {
            Amount = 9500,
            Metadata = new JsonObject { ["store"] = "Santorini" },
            Items = [.. Lines.Select(l => new OrderItemRequest { ProductId = l.ProductId, SkuId = l.SkuId, Quantity = l.Quantity, Price = l.Item.Price, Metadata = l.Item.Metadata })],
        });
        var lines = order.Items.Select((item, k) => Lines[k] with { Item = item }).ToList();
        var counters = new RuleCounters
        {
            CampaignRedemptions = 10,
            CampaignDiscounted = 4000,
            CampaignOrders = 50000,
            CustomerRedemptions = new Dictionary<string, long> { ["v_1"] = 2 },
            ThisDiscount = 1000,
            ThisOrderAmount = 9500,
        };
        return new RuleContext(Customer, order, lines, new JsonObject { ["channel"] = "web" }, counters) { RelatedObjectId = "v_1" };
    }

    private static CartLine Line(string productId, string? skuId, long quantity, long price, JsonObject? metadata, params string[] collections) =>
        new(new OrderItemCalculated { ProductId = productId, SkuId = skuId, Quantity = quantity, Price = price, Amount = quantity * price, Metadata = metadata }, productId, skuId, null, null, collections.ToHashSet());
}
