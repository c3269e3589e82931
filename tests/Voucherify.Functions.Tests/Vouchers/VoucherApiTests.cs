using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Vouchers;

public sealed class VoucherApiTests : HostedApiTest
{
    [Fact]
    public async Task Creating_a_voucher_with_a_code_returns_200_and_the_contract_object()
    {
        var body = Bodies.AmountVoucher("SUMMER10", 1000, quantity: 5);
        body["metadata"] = new JsonObject { ["region"] = "EU" };
        body["additional_info"] = "for newsletter readers";

        var reply = (await host.Server.PostAsync("/v1/vouchers", body)).Expect(HttpStatusCode.OK);

        Assert.Equal("voucher", reply.Str("object"));
        Assert.Equal("SUMMER10", reply.Str("code"));
        Assert.StartsWith("v_", reply.Str("id"));
        Assert.Equal(34, reply.Str("id").Length);
        Assert.Equal("DISCOUNT_VOUCHER", reply.Str("type"));
        Assert.Equal(1000, reply.Long("discount.amount_off"));
        Assert.Equal(5, reply.Long("redemption.quantity"));
        Assert.Equal(0, reply.Long("redemption.redeemed_quantity"));
        Assert.Equal("EU", reply.Str("metadata.region"));
        Assert.Equal("for newsletter readers", reply.Str("additional_info"));
        Assert.True(reply.Node("active")!.GetValue<bool>());
        Assert.Equal("2026-01-15T12:00:00.000Z", reply.Str("created_at"));
    }

    [Fact]
    public async Task Creating_a_code_that_exists_is_a_409_and_leaves_the_first_untouched()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("DUP", 1000));

        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("DUP", 5000))).ExpectError(HttpStatusCode.Conflict, "duplicate_found");
        (await host.Server.PostAsync("/v1/vouchers/DUP", Bodies.AmountVoucher("DUP", 5000))).ExpectError(HttpStatusCode.Conflict, "duplicate_found");

        var stored = (await host.Server.GetJsonAsync("/v1/vouchers/DUP")).Expect(HttpStatusCode.OK);
        Assert.Equal(1000, stored.Long("discount.amount_off"));
    }

    [Fact]
    public async Task Posting_to_the_code_path_creates_the_voucher_with_that_code()
    {
        var body = Bodies.AmountVoucher("IGNORED");
        body.Remove("code");

        var reply = (await host.Server.PostAsync("/v1/vouchers/PATHCODE", body)).Expect(HttpStatusCode.OK);

        Assert.Equal("PATHCODE", reply.Str("code"));
    }

    [Fact]
    public async Task A_voucher_without_code_gets_one_from_its_code_config()
    {
        var body = Bodies.AmountVoucher("x");
        body.Remove("code");
        body["code_config"] = new JsonObject { ["pattern"] = "WIN-####-##", ["charset"] = "0123456789", ["prefix"] = "A", ["postfix"] = "Z" };

        var reply = (await host.Server.PostAsync("/v1/vouchers", body)).Expect(HttpStatusCode.OK);

        Assert.Matches("^AWIN-[0-9]{4}-[0-9]{2}Z$", reply.Str("code"));
    }

    [Fact]
    public async Task A_voucher_is_found_by_code_and_by_id()
    {
        var created = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("FINDME"))).Json;

        var byCode = (await host.Server.GetJsonAsync("/v1/vouchers/FINDME")).Expect(HttpStatusCode.OK);
        var byId = (await host.Server.GetJsonAsync($"/v1/vouchers/{created["id"]}")).Expect(HttpStatusCode.OK);

        Assert.Equal(created["id"]!.GetValue<string>(), byCode.Str("id"));
        Assert.Equal("FINDME", byId.Str("code"));
        (await host.Server.GetJsonAsync("/v1/vouchers/NOPE")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_ignores_unknown_ones()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("UPD", 1000, quantity: 3));
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var reply = (await host.Server.PutAsync("/v1/vouchers/UPD", new JsonObject
        {
            ["metadata"] = new JsonObject { ["tier"] = "gold" },
            ["redemption"] = new JsonObject { ["quantity"] = 10 },
            ["no_such_field"] = 1,
        })).Expect(HttpStatusCode.OK);

        Assert.Equal("gold", reply.Str("metadata.tier"));
        Assert.Equal(10, reply.Long("redemption.quantity"));
        Assert.Equal(1000, reply.Long("discount.amount_off"));
        Assert.Equal("2026-01-15T12:05:00.000Z", reply.Str("updated_at"));
        Assert.Null(reply.Node("no_such_field"));
    }

    [Fact]
    public async Task An_invalid_update_is_a_400_and_changes_nothing()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("BADUPD", 1000));

        (await host.Server.PutAsync("/v1/vouchers/BADUPD", new JsonObject
        {
            ["metadata"] = new JsonObject { ["x"] = 1 },
            ["discount"] = new JsonObject { ["type"] = "PERCENT", ["percent_off"] = 150 },
        })).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");

        var stored = (await host.Server.GetJsonAsync("/v1/vouchers/BADUPD")).Json;
        Assert.Equal("AMOUNT", stored["discount"]!["type"]!.GetValue<string>());
        Assert.Null(stored["metadata"]!["x"]);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_voucher_is_gone()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("GONE"));

        var reply = await host.Server.DeleteJsonAsync("/v1/vouchers/GONE?force=true");

        reply.Expect(HttpStatusCode.NoContent);
        Assert.Equal(string.Empty, reply.Text);
        (await host.Server.GetJsonAsync("/v1/vouchers/GONE")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.DeleteJsonAsync("/v1/vouchers/GONE")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Disable_and_enable_toggle_active()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("TOGGLE"));

        var disabled = (await host.Server.PostAsync("/v1/vouchers/TOGGLE/disable")).Expect(HttpStatusCode.OK);
        Assert.False(disabled.Node("active")!.GetValue<bool>());
        var enabled = (await host.Server.PostAsync("/v1/vouchers/TOGGLE/enable")).Expect(HttpStatusCode.OK);
        Assert.True(enabled.Node("active")!.GetValue<bool>());
    }

    [Fact]
    public async Task List_pages_through_every_voucher_once_in_the_order_asked()
    {
        for (var i = 0; i < 25; i++)
        {
            await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher($"LIST{i:00}"));
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var codes = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var reply = (await host.Server.GetJsonAsync($"/v1/vouchers?limit=10&page={page}&order=created_at")).Expect(HttpStatusCode.OK);
            Assert.Equal("list", reply.Str("object"));
            Assert.Equal("vouchers", reply.Str("data_ref"));
            Assert.Equal(25, reply.Long("total"));
            codes.AddRange(reply.Json["vouchers"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()));
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"LIST{i:00}"), codes);
        var newest = (await host.Server.GetJsonAsync("/v1/vouchers?limit=1")).Json["vouchers"]![0]!["code"]!.GetValue<string>();
        Assert.Equal("LIST24", newest);
    }

    [Fact]
    public async Task List_filters_by_campaign_code_ids_and_dates()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Filtered", 3))).Expect(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var loose = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LOOSE"))).Json;

        var byCampaign = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign.Str("id")}")).Json;
        var byName = (await host.Server.GetJsonAsync("/v1/vouchers?campaign=Filtered")).Json;
        var byCode = (await host.Server.GetJsonAsync("/v1/vouchers?code=LOOSE")).Json;
        var byIds = (await host.Server.GetJsonAsync($"/v1/vouchers?ids[]={loose["id"]}")).Json;
        var after = (await host.Server.GetJsonAsync("/v1/vouchers?created_at[after]=2026-01-15T12:30:00Z")).Json;

        Assert.Equal(3, byCampaign["total"]!.GetValue<long>());
        Assert.Equal(3, byName["total"]!.GetValue<long>());
        Assert.Equal(1, byCode["total"]!.GetValue<long>());
        Assert.Equal("LOOSE", byIds["vouchers"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(1, after["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("page=100")]
    [InlineData("page=abc")]
    [InlineData("order=price")]
    [InlineData("created_at[before]=yesterday")]
    public async Task Bad_list_parameters_are_a_400(string query)
    {
        (await host.Server.GetJsonAsync($"/v1/vouchers?{query}")).ExpectError(HttpStatusCode.BadRequest, "invalid_query_params");
    }

    [Fact]
    public async Task Assets_link_to_real_qr_and_barcode_images_of_the_code()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("PICTURE"))).Json;

        using var qr = await host.Anonymous.GetAsync(voucher["assets"]!["qr"]!["url"]!.GetValue<string>());
        using var barcode = await host.Anonymous.GetAsync(voucher["assets"]!["barcode"]!["url"]!.GetValue<string>() + "?format=svg");

        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal(HttpStatusCode.OK, barcode.StatusCode);
        Assert.Equal("image/svg+xml", barcode.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Import_creates_vouchers_in_an_async_action_and_reports_the_ones_it_could_not()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("IMP-TAKEN"));
        var entries = new JsonArray(Bodies.AmountVoucher("IMP-1"), Bodies.AmountVoucher("IMP-2"), Bodies.AmountVoucher("IMP-TAKEN"));

        var accepted = (await host.Server.PostAsync("/v1/vouchers/import", entries)).Expect(HttpStatusCode.Accepted);
        var action = await host.Server.WaitForAsync(accepted.Str("async_action_id"));

        Assert.Equal("DONE", action.Str("status"));
        Assert.Equal("VOUCHERS.IMPORT", action.Str("type"));
        Assert.Equal(2, action.Long("result.done_count"));
        Assert.Equal(1, action.Long("result.failed_count"));
        Assert.Equal("IMP-TAKEN", action.Str("result.failed.0.code"));
        (await host.Server.GetJsonAsync("/v1/vouchers/IMP-2")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_import_with_a_bad_entry_is_refused_whole()
    {
        var entries = new JsonArray(Bodies.AmountVoucher("OK-1"), new JsonObject { ["code"] = "NO-DISCOUNT", ["discount"] = "ten" });

        (await host.Server.PostAsync("/v1/vouchers/import", entries)).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");

        (await host.Server.GetJsonAsync("/v1/vouchers/OK-1")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }
}
