using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Campaigns;

public sealed class CampaignApiTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    public async Task InitializeAsync() => host = await ServiceHost.StartAsync(settings: new Dictionary<string, string> { ["Voucherify:SyncGenerationLimit"] = "50" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_small_campaign_is_created_with_all_its_unique_codes_from_the_pattern()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Spring", 20, "SPR-####", quantity: 1))).Expect(HttpStatusCode.OK);

        Assert.Equal("campaign", campaign.Str("object"));
        Assert.StartsWith("camp_", campaign.Str("id"));
        Assert.Equal("DONE", campaign.Str("creation_status"));
        Assert.Equal(20, campaign.Long("vouchers_count"));
        var vouchers = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign.Str("id")}&limit=100")).Json["vouchers"]!.AsArray();
        var codes = vouchers.Select(v => v!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(20, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^SPR-[0-9A-Za-z]{4}$", code));
        Assert.All(vouchers, v =>
        {
            Assert.Equal("Spring", v!["campaign"]!.GetValue<string>());
            Assert.Equal(10, v["discount"]!["percent_off"]!.GetValue<decimal>());
            Assert.Equal(1, v["redemption"]!["quantity"]!.GetValue<long>());
        });
    }

    [Fact]
    public async Task A_campaign_is_found_by_id_and_by_name_and_names_are_unique()
    {
        var created = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Black Friday", 1))).Json;

        (await host.Server.GetJsonAsync($"/v1/campaigns/{created["id"]}")).Expect(HttpStatusCode.OK);
        var byName = (await host.Server.GetJsonAsync("/v1/campaigns/Black%20Friday")).Expect(HttpStatusCode.OK);
        Assert.Equal(created["id"]!.GetValue<string>(), byName.Str("id"));
        (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Black Friday", 1))).ExpectError(HttpStatusCode.Conflict, "duplicate_found");
        (await host.Server.GetJsonAsync("/v1/campaigns/none")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_large_campaign_is_generated_by_an_async_action_while_the_service_keeps_answering()
    {
        var reply = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Big", 3000, "BIG-#######"))).Expect(HttpStatusCode.OK);

        Assert.Equal("IN_PROGRESS", reply.Str("creation_status"));
        var actionId = reply.Str("async_action_id");
        (await host.Server.GetJsonAsync("/health")).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("DURING"))).Expect(HttpStatusCode.OK);
        var action = await host.Server.WaitForAsync(actionId);

        Assert.Equal("DONE", action.Str("status"));
        Assert.Equal("CAMPAIGN.VOUCHERS_GENERATE", action.Str("type"));
        Assert.Equal(100, action.Long("progress"));
        var campaign = (await host.Server.GetJsonAsync("/v1/campaigns/Big")).Json;
        Assert.Equal("DONE", campaign["creation_status"]!.GetValue<string>());
        Assert.Equal(3000, campaign["vouchers_count"]!.GetValue<long>());
        var listed = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign["id"]}&limit=1")).Json;
        Assert.Equal(3000, listed["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Asking_for_more_codes_than_the_pattern_can_make_is_a_400()
    {
        (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Tiny", 1000, "T-#"))).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");

        (await host.Server.GetJsonAsync("/v1/campaigns/Tiny")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Adding_vouchers_one_with_a_code_and_many_by_count()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Adders", 2))).Json;
        var id = campaign["id"]!.GetValue<string>();

        var one = (await host.Server.PostAsync($"/v1/campaigns/{id}/vouchers", new JsonObject())).Expect(HttpStatusCode.OK);
        var named = (await host.Server.PostAsync($"/v1/campaigns/{id}/vouchers/MY-OWN-CODE", new JsonObject { ["metadata"] = new JsonObject { ["k"] = "v" } })).Expect(HttpStatusCode.OK);
        var many = (await host.Server.PostAsync($"/v1/campaigns/{id}/vouchers?vouchers_count=10")).Expect(HttpStatusCode.Accepted);
        await host.Server.WaitForAsync(many.Str("async_action_id"));

        Assert.Equal(id, one.Str("campaign_id"));
        Assert.Equal("MY-OWN-CODE", named.Str("code"));
        Assert.Equal("v", named.Str("metadata.k"));
        Assert.Equal(10, named.Node("discount.percent_off")!.GetValue<decimal>());
        var after = (await host.Server.GetJsonAsync($"/v1/campaigns/{id}")).Json;
        Assert.Equal(14, after["vouchers_count"]!.GetValue<long>());
        (await host.Server.PostAsync($"/v1/campaigns/{id}/vouchers/MY-OWN-CODE")).ExpectError(HttpStatusCode.Conflict, "duplicate_found");
    }

    [Fact]
    public async Task Updating_a_campaign_carries_its_dates_and_discount_down_to_its_vouchers()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Moving", 3))).Json;
        var id = campaign["id"]!.GetValue<string>();

        var updated = (await host.Server.PutAsync($"/v1/campaigns/{id}", new JsonObject
        {
            ["description"] = "now with an end",
            ["expiration_date"] = "2026-02-01T00:00:00Z",
            ["discount"] = new JsonObject { ["type"] = "AMOUNT", ["amount_off"] = 500 },
        })).Expect(HttpStatusCode.OK);

        Assert.Equal("now with an end", updated.Str("description"));
        Assert.Equal(500, updated.Long("voucher.discount.amount_off"));
        var vouchers = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={id}")).Json["vouchers"]!.AsArray();
        Assert.All(vouchers, v =>
        {
            Assert.Equal("2026-02-01T00:00:00.000Z", v!["expiration_date"]!.GetValue<string>());
            Assert.Equal(500, v["discount"]!["amount_off"]!.GetValue<long>());
        });
    }

    [Fact]
    public async Task Disabling_a_campaign_stops_its_codes_and_enabling_restores_them()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Pausable", 2))).Json;
        var id = campaign["id"]!.GetValue<string>();
        var code = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={id}")).Json["vouchers"]![0]!["code"]!.GetValue<string>();

        var disabled = (await host.Server.PostAsync($"/v1/campaigns/{id}/disable")).Expect(HttpStatusCode.OK);
        var refused = await host.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(1000));
        var voucherWhileDisabled = (await host.Server.GetJsonAsync($"/v1/vouchers/{code}")).Json;
        (await host.Server.PostAsync($"/v1/campaigns/{id}/enable")).Expect(HttpStatusCode.OK);
        var redeemed = await host.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(1000));

        Assert.False(disabled.Node("active")!.GetValue<bool>());
        refused.ExpectError(HttpStatusCode.BadRequest, "voucher_disabled");
        Assert.False(voucherWhileDisabled["active"]!.GetValue<bool>());
        redeemed.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleting_a_campaign_answers_202_and_removes_it_with_its_vouchers()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Doomed", 4))).Json;
        var id = campaign["id"]!.GetValue<string>();
        var code = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={id}")).Json["vouchers"]![0]!["code"]!.GetValue<string>();

        var accepted = (await host.Server.DeleteJsonAsync($"/v1/campaigns/{id}")).Expect(HttpStatusCode.Accepted);
        (await host.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.NotFound, "not_found");
        await host.Server.WaitForAsync(accepted.Str("async_action_id"));

        (await host.Server.GetJsonAsync($"/v1/campaigns/{id}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={id}")).Long("total"));
        (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Doomed", 1))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Campaigns_are_listed_with_paging()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign($"Listed {i}", 0));
        }

        var reply = (await host.Server.GetJsonAsync("/v1/campaigns?limit=2")).Expect(HttpStatusCode.OK);

        Assert.Equal("campaigns", reply.Str("data_ref"));
        Assert.Equal(3, reply.Long("total"));
        Assert.Equal(2, reply.Json["campaigns"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"campaign_type":"DISCOUNT_COUPONS","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""")]
    [InlineData("""{"name":"x","campaign_type":"LUCKY_DRAW","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""")]
    [InlineData("""{"name":"x","voucher":{"type":"DISCOUNT_VOUCHER"}}""")]
    [InlineData("""{"name":"x","vouchers_count":-1,"voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""")]
    [InlineData("""{"name":"x","type":"SOMETIMES","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""")]
    [InlineData("""{"name":"x","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100},"code_config":{"pattern":"none"}}}""")]
    public async Task An_invalid_campaign_is_a_400_and_nothing_is_created(string body)
    {
        (await host.Server.SendRawAsync(HttpMethod.Post, "/v1/campaigns", body)).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");

        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/campaigns")).Long("total"));
    }

    [Fact]
    public async Task Importing_into_a_campaign_makes_vouchers_that_take_its_defaults()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Imported", 0))).Json;
        var entries = new JsonArray(new JsonObject { ["code"] = "IMPORTED-1" }, new JsonObject { ["code"] = "IMPORTED-2", ["redemption"] = new JsonObject { ["quantity"] = 3 } });

        var accepted = (await host.Server.PostAsync($"/v1/campaigns/{campaign["id"]}/import", entries)).Expect(HttpStatusCode.Accepted);
        var action = await host.Server.WaitForAsync(accepted.Str("async_action_id"));

        Assert.Equal("CAMPAIGN.VOUCHERS_IMPORT", action.Str("type"));
        Assert.Equal(2, action.Long("result.done_count"));
        var second = (await host.Server.GetJsonAsync("/v1/vouchers/IMPORTED-2")).Json;
        Assert.Equal("Imported", second["campaign"]!.GetValue<string>());
        Assert.Equal(10, second["discount"]!["percent_off"]!.GetValue<decimal>());
        Assert.Equal(3, second["redemption"]!["quantity"]!.GetValue<long>());
        Assert.Equal(2, (await host.Server.GetJsonAsync($"/v1/campaigns/{campaign["id"]}")).Long("vouchers_count"));
    }
}
