using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Core.Campaigns;
using Voucherify.Core.Customers;
using Voucherify.Core.Json;
using Voucherify.Core.Rules;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;
using Voucherify.Functions.Tests.Support;
using Voucherify.Functions.Tests.ValidationRules;

namespace Voucherify.Functions.Tests.Validations;

/// <summary>Validation through the API on SQLite; <see cref="CosmosValidationApiTests"/> runs the same on Cosmos DB.</summary>
public class ValidationApiTests : HostedApiTest
{
    [Fact]
    public async Task An_amount_voucher_takes_its_amount_off_the_order()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("TENOFF", 1000));

        var reply = (await host.Server.PostAsync("/v1/vouchers/TENOFF/validate", Bodies.Order(46500))).Expect(HttpStatusCode.OK);

        Assert.True(reply.Node("valid")!.GetValue<bool>());
        Assert.Equal("TENOFF", reply.Str("code"));
        Assert.Equal(46500, reply.Long("order.amount"));
        Assert.Equal(1000, reply.Long("order.discount_amount"));
        Assert.Equal(1000, reply.Long("order.total_discount_amount"));
        Assert.Equal(45500, reply.Long("order.total_amount"));
        Assert.Equal(1000, reply.Long("order.applied_discount_amount"));
        Assert.Equal("AMOUNT", reply.Str("discount.type"));
        Assert.StartsWith("track_", reply.Str("tracking_id"));
        foreach (var list in new[] { "applicable_to", "inapplicable_to" })
        {
            Assert.Equal("list", reply.Str($"{list}.object"));
            Assert.Equal("data", reply.Str($"{list}.data_ref"));
            Assert.Empty(reply.Node($"{list}.data")!.AsArray());
            Assert.Equal(0, reply.Long($"{list}.total"));
        }
    }

    [Fact]
    public async Task A_percent_voucher_is_capped_by_its_amount_limit()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.PercentVoucher("TWENTY", 20, amountLimit: 15000));

        var reply = (await host.Server.PostAsync("/v1/vouchers/TWENTY/validate", Bodies.Order(200000))).Expect(HttpStatusCode.OK);

        Assert.Equal(15000, reply.Long("order.discount_amount"));
        Assert.Equal(185000, reply.Long("order.total_amount"));
    }

    [Fact]
    public async Task Items_are_normalised_and_an_item_discount_lands_on_the_lines()
    {
        var voucher = Bodies.AmountVoucher("PERLINE", 1000);
        voucher["discount"]!["effect"] = "APPLY_TO_ITEMS";
        await host.Server.PostAsync("/v1/vouchers", voucher);
        var order = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["items"] = new JsonArray(
                    new JsonObject { ["product_id"] = "prod_a", ["quantity"] = "2", ["price"] = 2000 },
                    new JsonObject { ["product_id"] = "prod_b", ["quantity"] = 1, ["price"] = 700 }),
            },
        };

        var reply = (await host.Server.PostAsync("/v1/vouchers/PERLINE/validate", order)).Expect(HttpStatusCode.OK);

        Assert.Equal(4700, reply.Long("order.amount"));
        Assert.Equal(2, reply.Long("order.items.0.quantity"));
        Assert.Equal(4000, reply.Long("order.items.0.amount"));
        Assert.Equal(1000, reply.Long("order.items.0.discount_amount"));
        Assert.Equal(3000, reply.Long("order.items.0.subtotal_amount"));
        Assert.Equal(700, reply.Long("order.items.1.discount_amount"));
        Assert.Equal(0, reply.Long("order.items.1.subtotal_amount"));
        Assert.Equal(1700, reply.Long("order.items_discount_amount"));
        Assert.Equal(3000, reply.Long("order.total_amount"));
    }

    [Fact]
    public async Task A_disabled_voucher_is_invalid_with_the_contract_reason_and_still_a_200()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("OFF"));
        await host.Server.PostAsync("/v1/vouchers/OFF/disable");

        var reply = (await host.Server.PostAsync("/v1/vouchers/OFF/validate", Bodies.Order(1000))).Expect(HttpStatusCode.OK);

        Assert.False(reply.Node("valid")!.GetValue<bool>());
        Assert.Equal("voucher is disabled", reply.Str("reason"));
        Assert.Equal(400, reply.Long("error.code"));
        Assert.Equal("voucher_disabled", reply.Str("error.key"));
        Assert.Equal("OFF", reply.Str("error.details"));
        Assert.StartsWith("v-", reply.Str("error.request_id"));
    }

    [Theory]
    [InlineData("2026-02-01T00:00:00Z", null, "voucher_not_active")]
    [InlineData(null, "2026-01-01T00:00:00Z", "voucher_expired")]
    [InlineData("2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z", null)]
    public async Task Start_and_expiration_dates_bound_the_voucher(string? start, string? expiration, string? failure)
    {
        var body = Bodies.AmountVoucher("DATED");
        body["start_date"] = start;
        body["expiration_date"] = expiration;
        await host.Server.PostAsync("/v1/vouchers", body);

        var reply = (await host.Server.PostAsync("/v1/vouchers/DATED/validate", Bodies.Order(1000))).Expect(HttpStatusCode.OK);

        Assert.Equal(failure is null, reply.Node("valid")!.GetValue<bool>());
        Assert.Equal(failure, reply.Node("error.key")?.GetValue<string>());
    }

    [Fact]
    public async Task A_timeframe_opens_the_voucher_for_one_hour_every_other_day()
    {
        var body = Bodies.AmountVoucher("WINDOW");
        body["start_date"] = "2026-01-15T00:00:00Z";
        body["validity_timeframe"] = new JsonObject { ["interval"] = "P2D", ["duration"] = "PT1H" };
        await host.Server.PostAsync("/v1/vouchers", body);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 16, 0, 30, 0, TimeSpan.Zero));
        var offDay = (await host.Server.PostAsync("/v1/vouchers/WINDOW/validate", Bodies.Order(1000))).Json;
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 17, 0, 30, 0, TimeSpan.Zero));
        var inside = (await host.Server.PostAsync("/v1/vouchers/WINDOW/validate", Bodies.Order(1000))).Json;

        Assert.True(inside["valid"]!.GetValue<bool>(), inside.ToJsonString());
        Assert.Equal("voucher_not_active_now", offDay["error"]?["key"]?.GetValue<string>() ?? offDay.ToJsonString());
    }

    [Fact]
    public async Task Day_of_week_and_daily_hours_are_judged_in_the_project_time_zone()
    {
        var body = Bodies.AmountVoucher("HAPPYHOUR");
        body["validity_hours"] = new JsonObject
        {
            ["daily"] = new JsonArray(new JsonObject { ["start_time"] = "09:00", ["expiration_time"] = "11:00", ["days_of_week"] = new JsonArray(2, 4) }),
        };
        await host.OtherProject.PostAsync("/v1/vouchers", body);

        // Tuesday 2026-03-31 10:30 in Warsaw (summer time, UTC+2) is 08:30 UTC.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 8, 30, 0, TimeSpan.Zero));
        var warsawMorning = (await host.OtherProject.PostAsync("/v1/vouchers/HAPPYHOUR/validate", Bodies.Order(1000))).Json;
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 10, 30, 0, TimeSpan.Zero));
        var warsawNoon = (await host.OtherProject.PostAsync("/v1/vouchers/HAPPYHOUR/validate", Bodies.Order(1000))).Json;

        Assert.True(warsawMorning["valid"]!.GetValue<bool>());
        Assert.Equal("voucher_not_active_now", warsawNoon["error"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_voucher_used_up_is_invalid_with_quantity_exceeded()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ONCE", 100, quantity: 1));
        (await host.Server.PostAsync("/v1/vouchers/ONCE/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);

        var reply = (await host.Server.PostAsync("/v1/vouchers/ONCE/validate", Bodies.Order(1000))).Json;

        Assert.Equal("quantity_exceeded", reply["error"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validation_counts_nothing()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LOOK", 100, quantity: 1));

        for (var i = 0; i < 3; i++)
        {
            (await host.Server.PostAsync("/v1/vouchers/LOOK/validate", Bodies.Order(1000))).Expect(HttpStatusCode.OK);
        }

        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/LOOK")).Long("redemption.redeemed_quantity"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/redemptions")).Long("total"));
    }

    [Fact]
    public async Task An_unknown_code_is_a_404()
    {
        (await host.Server.PostAsync("/v1/vouchers/NOSUCH/validate", Bodies.Order(1000))).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_order_discount_without_any_amount_is_invalid_with_missing_amount()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("NOAMOUNT"));

        var reply = (await host.Server.PostAsync("/v1/vouchers/NOAMOUNT/validate", new JsonObject())).Expect(HttpStatusCode.OK);

        Assert.Equal("missing_amount", reply.Str("error.key"));
    }

    [Fact]
    public async Task Client_keys_validate_through_the_client_side_endpoint()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("BROWSER", 500));

        var reply = (await host.ClientSide.GetJsonAsync("/client/v1/validate?code=BROWSER&amount=3000&customer[source_id]=alice")).Expect(HttpStatusCode.OK);

        Assert.True(reply.Node("valid")!.GetValue<bool>());
        Assert.Equal(2500, reply.Long("order.total_amount"));
        (await host.ClientSide.PostAsync("/v1/vouchers/BROWSER/validate", Bodies.Order(3000))).ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_fixed_voucher_sets_the_order_total()
    {
        var body = Bodies.AmountVoucher("NEWPRICE");
        body["discount"] = new JsonObject { ["type"] = "FIXED", ["fixed_amount"] = 20000, ["effect"] = "APPLY_TO_ORDER" };
        await host.Server.PostAsync("/v1/vouchers", body);

        var reply = (await host.Server.PostAsync("/v1/vouchers/NEWPRICE/validate", Bodies.Order(46500))).Expect(HttpStatusCode.OK);

        Assert.Equal(26500, reply.Long("order.discount_amount"));
        Assert.Equal(20000, reply.Long("order.total_amount"));
    }

    [Fact]
    public async Task A_unit_voucher_adds_the_missing_free_item_and_discounts_it()
    {
        var body = Bodies.AmountVoucher("FREETEE");
        body["discount"] = new JsonObject { ["type"] = "UNIT", ["unit_off"] = 1, ["unit_type"] = "prod_tee", ["effect"] = "ADD_NEW_ITEMS" };
        await host.Server.PostAsync("/v1/vouchers", body);
        var order = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["amount"] = 2900,
                ["items"] = new JsonArray(new JsonObject { ["product_id"] = "prod_tee", ["quantity"] = 1, ["price"] = 2900 }),
            },
        };

        var reply = (await host.Server.PostAsync("/v1/vouchers/FREETEE/validate", order)).Expect(HttpStatusCode.OK);

        Assert.Equal(2, reply.Long("order.items.0.quantity"));
        Assert.Equal(5800, reply.Long("order.items.0.amount"));
        Assert.Equal(2900, reply.Long("order.items.0.discount_amount"));
        Assert.Equal(5800, reply.Long("order.amount"));
        Assert.Equal(2900, reply.Long("order.total_amount"));
    }

    [Fact]
    public async Task A_customer_named_by_source_id_is_judged_as_stored_now_through_changes_deletion_and_a_new_holder()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("GOLDSHOP", 500))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "customer.metadata", "property": "tier", "conditions": {"$is": ["gold"]}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);
        async Task<string> Shopper(string tier) =>
            (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "shopper", ["metadata"] = new JsonObject { ["tier"] = tier } })).Expect(HttpStatusCode.OK).Str("id");
        JsonObject Order() => new() { ["customer"] = new JsonObject { ["source_id"] = "shopper" }, ["order"] = new JsonObject { ["amount"] = 3000 } };
        async Task<bool> Valid() => (await host.Server.PostAsync("/v1/vouchers/GOLDSHOP/validate", Order())).Expect(HttpStatusCode.OK).Node("valid")!.GetValue<bool>();

        var first = await Shopper("gold");
        Assert.True(await Valid());
        Assert.True(await Valid());
        Assert.Equal(first, await Shopper("silver"));
        Assert.False(await Valid());
        (await host.Server.DeleteJsonAsync($"/v1/customers/{first}")).Expect(HttpStatusCode.NoContent);
        Assert.False(await Valid());
        var second = await Shopper("gold");
        Assert.True(await Valid());

        Assert.NotEqual(first, second);
        var redeemed = (await host.Server.PostAsync("/v1/vouchers/GOLDSHOP/redemption", Order())).Expect(HttpStatusCode.OK);
        Assert.Equal(second, redeemed.Str("customer_id"));
    }

    [Fact]
    public async Task A_source_id_followed_once_costs_one_read_after_while_its_object_is_unchanged()
    {
        var reads = new CountedStore(host.Service<IDocumentStore>());
        var lookup = new SourceIdLookup(reads);
        var project = Catalog.Project(host);
        async Task<(string? Tier, int Reads)> Find(string sourceId)
        {
            var before = reads.Reads;
            var found = await lookup.FindAsync(project, CustomerKeys.Sourced, sourceId, CancellationToken.None);
            return (found is null ? null : JsonText.Of(found.Body["metadata"]!.AsObject(), "tier"), reads.Reads - before);
        }

        async Task<string> Shopper(string tier) =>
            (await host.Server.PostAsync("/v1/customers", new JsonObject { ["source_id"] = "shopper", ["metadata"] = new JsonObject { ["tier"] = tier } })).Expect(HttpStatusCode.OK).Str("id");

        var first = await Shopper("gold");
        Assert.Equal(("gold", 2), await Find("shopper"));
        Assert.Equal(("gold", 1), await Find("shopper"));
        await Shopper("silver");
        Assert.Equal(("silver", 2), await Find("shopper"));
        Assert.Equal(("silver", 1), await Find("shopper"));
        (await host.Server.DeleteJsonAsync($"/v1/customers/{first}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal((null, 2), await Find("shopper"));
        await Shopper("bronze");
        Assert.Equal(("bronze", 2), await Find("shopper"));
        Assert.Equal(("bronze", 1), await Find("shopper"));
        Assert.Equal((null, 1), await Find("nobody"));
    }

    [Fact]
    public async Task Validate_asks_for_the_campaign_and_the_voucher_s_and_campaign_s_rules_at_once()
    {
        await using var gated = await GatedReads.HostAsync(HostSettings, new HashSet<string> { CampaignKeys.Kind, ValidationRuleKeys.AssignmentKind }, together: 3);
        var gate = (GatedReads)gated.Service<IDocumentStore>();
        var campaign = (await gated.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Gated", 1))).Expect(HttpStatusCode.OK).Str("id");
        var code = (await gated.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign}")).Str("vouchers.0.code");
        var voucher = (await gated.Server.GetJsonAsync($"/v1/vouchers/{code}")).Str("id");
        await Catalog.AssignAsync(gated, await Catalog.RuleAsync(gated, """{"1": {"name": "order.amount", "conditions": {"$more_than_or_equal": [5000]}}}"""), "campaign", campaign);
        await Catalog.AssignAsync(gated, await Catalog.RuleAsync(gated, """{"1": {"name": "order.amount", "conditions": {"$less_than": [9000]}}}"""), "voucher", voucher);
        gate.Arm();

        var within = (await gated.Server.PostAsync($"/v1/vouchers/{code}/validate", Bodies.Order(6000))).Expect(HttpStatusCode.OK);

        Assert.True(gate.MetTogether);
        Assert.True(within.Node("valid")!.GetValue<bool>());
        Assert.False((await gated.Server.PostAsync($"/v1/vouchers/{code}/validate", Bodies.Order(4000))).Expect(HttpStatusCode.OK).Node("valid")!.GetValue<bool>());
        Assert.False((await gated.Server.PostAsync($"/v1/vouchers/{code}/validate", Bodies.Order(9500))).Expect(HttpStatusCode.OK).Node("valid")!.GetValue<bool>());
        (await gated.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(4000))).ExpectError(HttpStatusCode.BadRequest, "order_rules_violated");
        (await gated.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(6000))).Expect(HttpStatusCode.OK);
    }
}
