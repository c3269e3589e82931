using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Redemptions;

/// <summary>Redeem and rollback through the API on SQLite; <see cref="CosmosRedemptionApiTests"/> runs the same on Cosmos DB.</summary>
public class RedemptionApiTests : HostedApiTest
{
    [Fact]
    public async Task A_redemption_is_stored_counted_and_answered_with_the_calculated_order()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("REDEEM", 2000, quantity: 3));
        var body = Bodies.Order(6000);
        body["customer"] = new JsonObject { ["id"] = "cust_1", ["source_id"] = "alice" };
        body["metadata"] = new JsonObject { ["channel"] = "web" };

        var reply = (await host.Server.PostAsync("/v1/vouchers/REDEEM/redemption", body)).Expect(HttpStatusCode.OK);

        Assert.StartsWith("r_", reply.Str("id"));
        Assert.Equal("redemption", reply.Str("object"));
        Assert.Equal("SUCCESS", reply.Str("result"));
        Assert.Equal("SUCCEEDED", reply.Str("status"));
        Assert.Equal("cust_1", reply.Str("customer_id"));
        Assert.Equal("web", reply.Str("metadata.channel"));
        Assert.Equal(2000, reply.Long("order.discount_amount"));
        Assert.Equal(4000, reply.Long("order.total_amount"));
        Assert.Equal("voucher", reply.Str("related_object_type"));
        Assert.Equal(1, reply.Long("voucher.redemption.redeemed_quantity"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/REDEEM")).Long("redemption.redeemed_quantity"));
        var stored = (await host.Server.GetJsonAsync($"/v1/redemptions/{reply.Str("id")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(reply.Str("id"), stored.Str("id"));
        Assert.Equal(4000, stored.Long("order.total_amount"));
    }

    [Fact]
    public async Task A_listed_redemption_and_voucher_read_exactly_as_their_own_get_does()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LISTED", 2000, quantity: 3));
        var body = Bodies.Order(6000);
        body["customer"] = new JsonObject { ["source_id"] = "alice & bob+1" };
        body["metadata"] = new JsonObject { ["note"] = "<ünïcode> & \"quotes\"", ["n"] = 1.5 };
        var id = (await host.Server.PostAsync("/v1/vouchers/LISTED/redemption", body)).Expect(HttpStatusCode.OK).Str("id");

        var listed = (await host.Server.GetJsonAsync("/v1/redemptions?limit=1")).Expect(HttpStatusCode.OK).Json["redemptions"]![0];
        var got = (await host.Server.GetJsonAsync($"/v1/redemptions/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.True(JsonNode.DeepEquals(got, listed), $"list: {listed}\nget: {got}");
        Assert.Equal("<ünïcode> & \"quotes\"", listed!["metadata"]!["note"]!.GetValue<string>());

        var voucher = (await host.Server.GetJsonAsync("/v1/vouchers?limit=1")).Expect(HttpStatusCode.OK).Json["vouchers"]![0];
        Assert.True(JsonNode.DeepEquals((await host.Server.GetJsonAsync("/v1/vouchers/LISTED")).Json, voucher), $"list: {voucher}");
    }

    [Fact]
    public async Task Each_of_concurrent_redemptions_shows_and_stores_the_voucher_as_its_own_use_left_it()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("RACE", 100, quantity: 50));
        var voucher = (await host.Server.GetJsonAsync("/v1/vouchers/RACE")).Expect(HttpStatusCode.OK);

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Server.PostAsync("/v1/vouchers/RACE/redemption", Bodies.Order(1000))));

        var counts = new List<long>();
        foreach (var reply in replies)
        {
            reply.Expect(HttpStatusCode.OK);
            counts.Add(reply.Long("voucher.redemption.redeemed_quantity"));
            Assert.True(string.CompareOrdinal(reply.Str("voucher.updated_at"), voucher.Str("updated_at")) >= 0);
            var stored = (await host.Server.GetJsonAsync($"/v1/redemptions/{reply.Str("id")}")).Expect(HttpStatusCode.OK);
            Assert.Equal(reply.Long("voucher.redemption.redeemed_quantity"), stored.Long("voucher.redemption.redeemed_quantity"));
            Assert.Equal(reply.Str("voucher.updated_at"), stored.Str("voucher.updated_at"));
            Assert.Equal(voucher.Str("id"), stored.Str("voucher.id"));
            Assert.Equal(50, stored.Long("voucher.redemption.quantity"));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), counts.Order());
        Assert.Equal(20, (await host.Server.GetJsonAsync("/v1/vouchers/RACE")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task A_new_order_is_created_once_linked_when_the_redemption_succeeds_and_also_when_it_is_refused()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ONCE", 300, quantity: 1));

        var redeemed = (await host.Server.PostAsync("/v1/vouchers/ONCE/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers/ONCE/redemption", Bodies.Order(2000))).ExpectError(HttpStatusCode.BadRequest, "quantity_exceeded");
        (await host.Server.PostAsync("/v1/vouchers/NOWHERE/redemption", Bodies.Order(3000))).ExpectError(HttpStatusCode.NotFound, "not_found");

        var orders = (await host.Server.GetJsonAsync("/v1/orders?order=created_at")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, orders.Long("total"));
        var linked = orders.Json["orders"]![0]!;
        Assert.Equal(redeemed.Str("order.id"), linked["id"]!.GetValue<string>());
        Assert.Equal("PAID", linked["status"]!.GetValue<string>());
        Assert.Equal(300, linked["discount_amount"]!.GetValue<long>());
        Assert.Equal(700, linked["total_amount"]!.GetValue<long>());
        Assert.Equal([redeemed.Str("id")], linked["redemptions"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal("voucher", linked["redemptions"]![redeemed.Str("id")]!["related_object_type"]!.GetValue<string>());
        Assert.Equal([2000L, 3000L], orders.Json["orders"]!.AsArray().Skip(1).Select(order => order!["amount"]!.GetValue<long>()));
        Assert.All(orders.Json["orders"]!.AsArray().Skip(1), order =>
        {
            Assert.Equal("PAID", order!["status"]!.GetValue<string>());
            Assert.Empty(order["redemptions"]!.AsObject());
        });
        Assert.Equal(redeemed.Str("order.created_at"), (await host.Server.GetJsonAsync($"/v1/orders/{redeemed.Str("order.id")}")).Str("created_at"));
    }

    [Fact]
    public async Task A_failed_attempt_is_a_400_with_the_reason_and_is_stored_but_not_counted()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SINGLE", 100, quantity: 1));
        (await host.Server.PostAsync("/v1/vouchers/SINGLE/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);

        var refused = (await host.Server.PostAsync("/v1/vouchers/SINGLE/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.BadRequest, "quantity_exceeded");

        Assert.Equal("redemption", refused.Str("resource_type"));
        Assert.StartsWith("rf_", refused.Str("resource_id"));
        var failure = (await host.Server.GetJsonAsync($"/v1/redemptions/{refused.Str("resource_id")}")).Expect(HttpStatusCode.OK);
        Assert.Equal("FAILURE", failure.Str("result"));
        Assert.Equal("FAILED", failure.Str("status"));
        Assert.Equal("quantity_exceeded", failure.Str("failure_code"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/SINGLE")).Long("redemption.redeemed_quantity"));
    }

    [Theory]
    [InlineData("disable", "voucher_disabled")]
    [InlineData("expire", "voucher_expired")]
    [InlineData("future", "voucher_not_active")]
    public async Task Each_failure_reason_is_recorded_with_its_code(string setup, string key)
    {
        var body = Bodies.AmountVoucher("WHY");
        body["start_date"] = setup == "future" ? "2027-01-01T00:00:00Z" : null;
        body["expiration_date"] = setup == "expire" ? "2025-01-01T00:00:00Z" : null;
        await host.Server.PostAsync("/v1/vouchers", body);
        if (setup == "disable")
        {
            await host.Server.PostAsync("/v1/vouchers/WHY/disable");
        }

        (await host.Server.PostAsync("/v1/vouchers/WHY/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.BadRequest, key);

        var list = (await host.Server.GetJsonAsync($"/v1/redemptions?filters[failure_code][conditions][$is]={key}")).Json;
        Assert.Equal(1, list["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Redeeming_an_unknown_code_is_a_404_and_the_attempt_is_recorded()
    {
        (await host.Server.PostAsync("/v1/vouchers/GHOST/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.NotFound, "not_found");

        var list = (await host.Server.GetJsonAsync("/v1/redemptions?result=FAILURE")).Json;
        Assert.Equal("not_found", list["redemptions"]![0]!["failure_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redemptions_are_listed_with_filters_and_paging()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LA", 100));
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LB", 100));
        for (var i = 0; i < 3; i++)
        {
            await host.Server.PostAsync("/v1/vouchers/LA/redemption", Bodies.Order(1000));
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var customerBody = Bodies.Order(1000);
        customerBody["customer"] = new JsonObject { ["id"] = "cust_bob" };
        await host.Server.PostAsync("/v1/vouchers/LB/redemption", customerBody);

        var all = (await host.Server.GetJsonAsync("/v1/redemptions?limit=2")).Expect(HttpStatusCode.OK);
        var second = (await host.Server.GetJsonAsync("/v1/redemptions?limit=2&page=2")).Json;
        var byCode = (await host.Server.GetJsonAsync("/v1/redemptions?filters[voucher_code][conditions][$is]=LA")).Json;
        var byCustomer = (await host.Server.GetJsonAsync("/v1/redemptions?customer=cust_bob")).Json;

        Assert.Equal("redemptions", all.Str("data_ref"));
        Assert.Equal(4, all.Long("total"));
        Assert.Equal("LB", all.Str("redemptions.0.voucher.code"));
        Assert.Equal(2, second["redemptions"]!.AsArray().Count);
        Assert.Equal(3, byCode["total"]!.GetValue<long>());
        Assert.Equal(1, byCustomer["total"]!.GetValue<long>());
        (await host.Server.GetJsonAsync("/v1/redemptions?filters[secret][conditions][$is]=x")).ExpectError(HttpStatusCode.BadRequest, "invalid_query_params");
    }

    [Fact]
    public async Task The_result_and_campaign_filters_page_newest_first_and_count_only_their_redemptions()
    {
        await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Spring", 2, "SPR-####", quantity: 1));
        var codes = (await host.Server.GetJsonAsync("/v1/vouchers?campaign=Spring")).Json["vouchers"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()).ToList();
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ALONE", 100));
        var redeemed = new List<string>();
        foreach (var code in new[] { codes[0], "ALONE", codes[1], codes[0] })
        {
            var reply = await host.Server.PostAsync($"/v1/vouchers/{code}/redemption", Bodies.Order(1000));
            redeemed.Add(reply.Status == HttpStatusCode.OK ? reply.Str("id") : reply.Str("resource_id"));
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var spring = (await host.Server.GetJsonAsync("/v1/redemptions?campaign=Spring&limit=2")).Expect(HttpStatusCode.OK);
        var springNext = (await host.Server.GetJsonAsync("/v1/redemptions?campaign=Spring&limit=2&page=2")).Json;
        var failed = (await host.Server.GetJsonAsync("/v1/redemptions?campaign=Spring&result=FAILURE")).Json;
        var succeeded = (await host.Server.GetJsonAsync("/v1/redemptions?result=SUCCESS&order=created_at")).Json;

        Assert.Equal(3, spring.Long("total"));
        Assert.Equal([redeemed[3], redeemed[2], redeemed[0]], spring.Json["redemptions"]!.AsArray().Concat(springNext["redemptions"]!.AsArray()).Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(1, failed["total"]!.GetValue<long>());
        Assert.Equal("quantity_exceeded", failed["redemptions"]![0]!["failure_code"]!.GetValue<string>());
        Assert.Equal(3, succeeded["total"]!.GetValue<long>());
        Assert.Equal(redeemed.Take(3), succeeded["redemptions"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_vouchers_redemption_summary_lists_its_entries()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SUMMARY", 100, quantity: 5));
        await host.Server.PostAsync("/v1/vouchers/SUMMARY/redemption", Bodies.Order(1000));
        await host.Server.PostAsync("/v1/vouchers/SUMMARY/redemption", Bodies.Order(1000));

        var reply = (await host.Server.GetJsonAsync("/v1/vouchers/SUMMARY/redemption")).Expect(HttpStatusCode.OK);

        Assert.Equal(5, reply.Long("quantity"));
        Assert.Equal(2, reply.Long("redeemed_quantity"));
        Assert.Equal("redemption_entries", reply.Str("data_ref"));
        Assert.Equal(2, reply.Long("total"));
        Assert.Equal(2, reply.Json["redemption_entries"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_rollback_gives_the_use_back_and_is_recorded_once()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("UNDO", 100, quantity: 1));
        var redemption = (await host.Server.PostAsync("/v1/vouchers/UNDO/redemption", Bodies.Order(1000))).Json;
        var id = redemption["id"]!.GetValue<string>();

        var rollback = (await host.Server.PostAsync($"/v1/redemptions/{id}/rollback?reason=customer%20returned", new JsonObject { ["metadata"] = new JsonObject { ["by"] = "support" } })).Expect(HttpStatusCode.OK);

        Assert.StartsWith("rr_", rollback.Str("id"));
        Assert.Equal("redemption_rollback", rollback.Str("object"));
        Assert.Equal(id, rollback.Str("redemption"));
        Assert.Equal("customer returned", rollback.Str("reason"));
        Assert.Equal("SUCCESS", rollback.Str("result"));
        Assert.Equal("support", rollback.Str("metadata.by"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/UNDO")).Long("redemption.redeemed_quantity"));
        var original = (await host.Server.GetJsonAsync($"/v1/redemptions/{id}")).Json;
        Assert.Equal("ROLLED_BACK", original["status"]!.GetValue<string>());
        Assert.Equal(rollback.Str("id"), original["related_redemptions"]!["rollbacks"]![0]!["id"]!.GetValue<string>());
        (await host.Server.GetJsonAsync($"/v1/redemptions/{rollback.Str("id")}")).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync($"/v1/redemptions/{id}/rollback")).ExpectError(HttpStatusCode.BadRequest, "already_rolled_back");
        (await host.Server.PostAsync("/v1/vouchers/UNDO/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/UNDO")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task A_list_shows_a_redemption_as_it_is_now_however_often_it_was_listed_before()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("AGAIN", 100, quantity: 5));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await host.Server.PostAsync("/v1/vouchers/AGAIN/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK).Str("id"));
        }

        // Listed versions are handed to the next page read as they were (SQLite): showing one must not change it.
        var first = (await host.Server.GetJsonAsync("/v1/redemptions?limit=3")).Expect(HttpStatusCode.OK).Json;
        var second = (await host.Server.GetJsonAsync("/v1/redemptions?limit=3")).Expect(HttpStatusCode.OK).Json;
        Assert.True(JsonNode.DeepEquals(first, second), $"first: {first}\nsecond: {second}");

        (await host.Server.PostAsync($"/v1/redemptions/{ids[1]}/rollback")).Expect(HttpStatusCode.OK);
        var after = (await host.Server.GetJsonAsync("/v1/redemptions?limit=4")).Expect(HttpStatusCode.OK).Json["redemptions"]!.AsArray();
        var rolledBack = after.Single(r => r!["id"]!.GetValue<string>() == ids[1])!;
        Assert.Equal("ROLLED_BACK", rolledBack["status"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals((await host.Server.GetJsonAsync($"/v1/redemptions/{ids[1]}")).Json, rolledBack), $"listed: {rolledBack}");
        Assert.All(after.Where(r => r!["id"]!.GetValue<string>() is var id && id != ids[1] && ids.Contains(id)), r => Assert.Equal("SUCCEEDED", r!["status"]!.GetValue<string>()));

        // Vouchers are listed the same way, each with the links the answer adds to it.
        var vouchers = (await host.Server.GetJsonAsync("/v1/vouchers?limit=1")).Expect(HttpStatusCode.OK).Json;
        Assert.True(JsonNode.DeepEquals(vouchers, (await host.Server.GetJsonAsync("/v1/vouchers?limit=1")).Json), $"vouchers: {vouchers}");
        (await host.Server.PostAsync("/v1/vouchers/AGAIN/disable")).Expect(HttpStatusCode.OK);
        var disabled = (await host.Server.GetJsonAsync("/v1/vouchers?limit=1")).Expect(HttpStatusCode.OK).Json["vouchers"]![0]!;
        Assert.False(disabled["active"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals((await host.Server.GetJsonAsync("/v1/vouchers/AGAIN")).Json, disabled), $"listed: {disabled}");
    }

    [Fact]
    public async Task Only_successful_redemptions_can_be_rolled_back()
    {
        (await host.Server.PostAsync("/v1/redemptions/r_missing/rollback")).ExpectError(HttpStatusCode.NotFound, "not_found");
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("NONE", 100, quantity: 0));
        var failed = (await host.Server.PostAsync("/v1/vouchers/NONE/redemption", Bodies.Order(1000))).Json;

        (await host.Server.PostAsync($"/v1/redemptions/{failed["resource_id"]}/rollback")).ExpectError(HttpStatusCode.BadRequest, "invalid_payload");

        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/NONE")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task Client_keys_redeem_through_the_client_side_endpoint()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("APP", 300));

        var reply = (await host.ClientSide.PostAsync("/client/v1/redeem?code=APP", Bodies.Order(1000))).Expect(HttpStatusCode.OK);

        Assert.Equal(700, reply.Long("order.total_amount"));
        (await host.ClientSide.PostAsync($"/v1/redemptions/{reply.Str("id")}/rollback")).ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Redeem_reads_the_voucher_while_it_looks_the_customer_up()
    {
        await using var gated = await GatedReads.HostAsync(HostSettings, new HashSet<string> { VoucherKeys.Kind, CustomerKeys.SourceKind }, together: 2);
        var gate = (GatedReads)gated.Service<IDocumentStore>();
        await gated.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("EARLY", 500, quantity: 1));
        gate.Arm();
        var body = Bodies.Order(3000);
        body["customer"] = new JsonObject { ["source_id"] = "early-bird" };

        var redeemed = (await gated.Server.PostAsync("/v1/vouchers/EARLY/redemption", body)).Expect(HttpStatusCode.OK);

        Assert.True(gate.MetTogether);
        Assert.Equal(2500, redeemed.Long("order.total_amount"));
        Assert.Equal((await gated.Server.GetJsonAsync("/v1/customers/early-bird")).Str("id"), redeemed.Str("customer_id"));
        Assert.Equal(1, (await gated.Server.GetJsonAsync("/v1/vouchers/EARLY")).Long("redemption.redeemed_quantity"));
        (await gated.Server.PostAsync("/v1/vouchers/EARLY/redemption", body)).ExpectError(HttpStatusCode.BadRequest, "quantity_exceeded");
    }
}
