using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

/// <summary>/v1/validation-rules and assignments through the HTTP pipeline.</summary>
public sealed class ValidationRuleApiTests : HostedApiTest
{
    private const string Rules = """{"1": {"name": "order.amount", "conditions": {"$more_than_or_equal": [5000]}, "error": {"message": "Spend 50 or more"}}, "2": {"name": "customer.metadata", "property": "tier", "conditions": {"$is": ["gold"]}}, "logic": "1 and 2"}""";

    [Fact]
    public async Task A_rule_is_created_read_listed_updated_and_deleted_as_the_contract_shows_it()
    {
        var body = new JsonObject
        {
            ["name"] = "Gold spenders",
            ["rules"] = JsonNode.Parse(Rules),
            ["error"] = new JsonObject { ["message"] = "Not for you" },
            ["applicable_to"] = JsonNode.Parse("""{"included": [{"object": "product", "id": "prod_1", "effect": "APPLY_TO_EVERY", "quantity_limit": 2}], "excluded": [], "included_all": false}"""),
        };
        var created = (await host.Server.PostAsync("/v1/validation-rules", body)).Expect(HttpStatusCode.OK);
        var id = created.Str("id");

        Assert.StartsWith("val_", id);
        Assert.Equal("validation_rules", created.Str("object"));
        Assert.Equal("1 and 2", created.Str("rules.logic"));
        Assert.Equal("tier", created.Json["rules"]!["2"]!["property"]!.GetValue<string>());
        Assert.Equal("Not for you", created.Str("error.message"));
        Assert.Equal(2, created.Long("applicable_to.included.0.quantity_limit"));
        Assert.Equal("expression", created.Str("type"));
        Assert.Equal("global", created.Str("context_type"));
        Assert.Equal(0, created.Long("assignments_count"));
        Assert.Equal("Gold spenders", (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}")).Expect(HttpStatusCode.OK).Str("name"));

        var list = (await host.Server.GetJsonAsync("/v1/validation-rules?limit=5")).Expect(HttpStatusCode.OK);
        Assert.Equal("data", list.Str("data_ref"));
        Assert.Equal(1, list.Long("total"));
        Assert.Equal(id, list.Str("data.0.id"));

        var updated = (await host.Server.PutAsync($"/v1/validation-rules/{id}", new JsonObject { ["name"] = "Renamed" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Renamed", updated.Str("name"));
        Assert.Equal("1 and 2", updated.Str("rules.logic"));

        (await host.Server.DeleteJsonAsync($"/v1/validation-rules/{id}")).Expect(HttpStatusCode.NoContent);
        (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$is": [1]}}, "logic": "1 and (2"}""")]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$is": [1]}}, "logic": "1 or 3"}""")]
    [InlineData("""{"1": {"name": "order.amount", "conditions": {"$bogus": [1]}}}""")]
    [InlineData("""{"1": {"name": "order.metadata", "conditions": {"$is": [1]}}}""")]
    [InlineData("""{"1": {"name": "no.such.rule", "conditions": {"$is": [1]}}}""")]
    public async Task A_rule_the_engine_cannot_evaluate_is_a_400_and_nothing_is_stored(string rules)
    {
        var reply = await host.Server.PostAsync("/v1/validation-rules", new JsonObject { ["name"] = "bad", ["rules"] = JsonNode.Parse(rules) });

        reply.ExpectError(HttpStatusCode.BadRequest, "invalid_validation_rules");
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/validation-rules")).Long("total"));
    }

    [Fact]
    public async Task An_update_with_broken_logic_is_refused_and_the_rule_stays_as_it_was()
    {
        var id = await Catalog.RuleAsync(host, Rules);

        var reply = await host.Server.PutAsync($"/v1/validation-rules/{id}", new JsonObject { ["rules"] = JsonNode.Parse("""{"1": {"name": "order.amount", "conditions": {"$is": [1]}}, "logic": "1 and and"}""") });

        reply.ExpectError(HttpStatusCode.BadRequest, "invalid_validation_rules");
        Assert.Equal("1 and 2", (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}")).Str("rules.logic"));
    }

    [Fact]
    public async Task Assignments_attach_rules_to_vouchers_and_campaigns_and_are_listed_and_removed()
    {
        var id = await Catalog.RuleAsync(host, Rules);
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ASSIGNED"))).Str("id");
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Assigned campaign", 1))).Str("id");

        var first = (await host.Server.PostAsync($"/v1/validation-rules/{id}/assignments", new JsonObject { ["related_object_type"] = "voucher", ["related_object_id"] = voucher })).Expect(HttpStatusCode.OK);
        await Catalog.AssignAsync(host, id, "campaign", campaign);

        Assert.StartsWith("asgm_", first.Str("id"));
        Assert.Equal("validation_rules_assignment", first.Str("object"));
        Assert.Equal(id, first.Str("rule_id"));
        Assert.Equal(voucher, first.Str("related_object_id"));
        (await host.Server.PostAsync($"/v1/validation-rules/{id}/assignments", new JsonObject { ["related_object_type"] = "voucher", ["related_object_id"] = voucher }))
            .ExpectError(HttpStatusCode.Conflict, "duplicate_found");
        (await host.Server.PostAsync($"/v1/validation-rules/{id}/assignments", new JsonObject { ["related_object_type"] = "voucher", ["related_object_id"] = "v_missing" }))
            .ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(2, (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}")).Long("assignments_count"));
        Assert.Equal(2, (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}/assignments")).Long("total"));
        Assert.Equal(1, (await host.Server.GetJsonAsync($"/v1/validation-rules-assignments?related_object_id={campaign}")).Long("total"));
        Assert.Equal(2, (await host.Server.GetJsonAsync($"/v1/validation-rules-assignments?rule={id}")).Long("total"));

        (await host.Server.DeleteJsonAsync($"/v1/validation-rules/{id}/assignments/{first.Str("id")}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(1, (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}/assignments")).Long("total"));
        Assert.Equal(1, (await host.Server.GetJsonAsync($"/v1/validation-rules/{id}")).Long("assignments_count"));
    }

    [Fact]
    public async Task Validation_rules_named_on_voucher_and_campaign_create_are_assigned_and_unknown_ones_refuse_the_create()
    {
        var id = await Catalog.RuleAsync(host, Rules);
        var voucher = Bodies.AmountVoucher("WITHRULES");
        voucher["validation_rules"] = new JsonArray(id);
        var campaign = Bodies.Campaign("With rules", 1);
        campaign["validation_rules"] = new JsonArray(id);
        var missing = Bodies.AmountVoucher("NORULE");
        missing["validation_rules"] = new JsonArray("val_missing");

        var created = (await host.Server.PostAsync("/v1/vouchers", voucher)).Expect(HttpStatusCode.OK);
        var voucherId = created.Str("id");
        var campaignId = (await host.Server.PostAsync("/v1/campaigns", campaign)).Expect(HttpStatusCode.OK).Str("id");
        Assert.Equal(id, created.Json!["validation_rules_assignments"]!["data"]![0]!["rule_id"]!.GetValue<string>());
        var shown = await host.Server.GetJsonAsync("/v1/vouchers/WITHRULES");
        Assert.Equal(1, shown.Json!["validation_rules_assignments"]!["total"]!.GetValue<long>());
        Assert.Equal(voucherId, shown.Json!["validation_rules_assignments"]!["data"]![0]!["related_object_id"]!.GetValue<string>());
        var campaignShown = await host.Server.GetJsonAsync($"/v1/campaigns/{campaignId}");
        Assert.Equal(id, campaignShown.Json!["validation_rules_assignments"]!["data"]![0]!["rule_id"]!.GetValue<string>());
        (await host.Server.PostAsync("/v1/vouchers", missing)).ExpectError(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, (await host.Server.GetJsonAsync($"/v1/validation-rules-assignments?related_object_id={voucherId}")).Long("total"));
        Assert.Equal(1, (await host.Server.GetJsonAsync($"/v1/validation-rules-assignments?related_object_id={campaignId}")).Long("total"));
        (await host.Server.GetJsonAsync("/v1/vouchers/NORULE")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
