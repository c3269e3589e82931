using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Customers;

/// <summary>The change feed's first handlers seen through the API: customer summaries and audit trails.</summary>
public sealed class CustomerSummaryApiTests : HostedApiTest
{
    [Fact]
    public async Task A_customer_shows_the_summary_of_their_redemptions_and_rollbacks()
    {
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SUMMARY", 500, quantity: 2))).Expect(HttpStatusCode.OK);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var body = Bodies.Order(2000);
            body["customer"] = new JsonObject { ["id"] = "cust_sum", ["source_id"] = "alice" };
            var reply = await host.Server.PostAsync("/v1/vouchers/SUMMARY/redemption", body);
            if (reply.Status == HttpStatusCode.OK)
            {
                ids.Add(reply.Str("id"));
            }
        }

        Assert.Equal(2, ids.Count); // the third one hit the quantity and is an rf_ record
        (await host.Server.PostAsync($"/v1/redemptions/{ids[0]}/rollback")).Expect(HttpStatusCode.OK);

        var customer = await host.EventuallyAsync(
            () => host.Server.GetJsonAsync("/v1/customers/cust_sum"),
            r => r.Status == HttpStatusCode.OK && r.Long("summary.redemptions.total_rollback_succeeded") == 1 && r.Long("summary.redemptions.total_redeemed") == 3);

        Assert.Equal("cust_sum", customer.Str("id"));
        Assert.Equal("alice", customer.Str("source_id"));
        Assert.Equal("customer", customer.Str("object"));
        var redemptions = customer.Node("summary.redemptions")!.AsObject();
        Assert.Equal(
            ["total_redeemed", "total_failed", "total_succeeded", "total_rolled_back", "total_rollback_failed", "total_rollback_succeeded", "gift", "loyalty_card"],
            redemptions.Select(p => p.Key));
        Assert.Equal(1, customer.Long("summary.redemptions.total_failed"));
        Assert.Equal(2, customer.Long("summary.redemptions.total_succeeded"));
        Assert.Equal(1, customer.Long("summary.redemptions.total_rolled_back"));
        Assert.Equal(0, customer.Long("summary.redemptions.total_rollback_failed"));
        Assert.Equal(0, customer.Long("summary.redemptions.gift.redeemed_amount"));
        Assert.Equal(0, customer.Long("summary.redemptions.loyalty_card.points_to_go"));
        // The redemptions' orders are counted by their own handler (CustomerOrderSummaryApiTests), maybe not yet.
        Assert.NotNull(customer.Node("summary.orders.total_count"));
        Assert.NotNull(customer.Node("loyalty"));
        Assert.NotNull(customer.Node("referrals"));
        Assert.Null(customer.Node("counted_records"));

        // Time passing (more polls) changes nothing more: every record was counted once.
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        var again = (await host.Server.GetJsonAsync("/v1/customers/cust_sum")).Expect(HttpStatusCode.OK);
        Assert.Equal(customer.Node("summary.redemptions")!.ToJsonString(), again.Node("summary.redemptions")!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found_and_other_projects_see_nothing()
    {
        var body = Bodies.Order(2000);
        body["customer"] = new JsonObject { ["id"] = "cust_mine" };
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("MINE", 500));
        (await host.Server.PostAsync("/v1/vouchers/MINE/redemption", body)).Expect(HttpStatusCode.OK);
        await host.EventuallyAsync(() => host.Server.GetJsonAsync("/v1/customers/cust_mine"), r => r.Status == HttpStatusCode.OK);

        var missing = (await host.Server.GetJsonAsync("/v1/customers/cust_nobody")).ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("customer", missing.Str("resource_type"));
        Assert.Equal("cust_nobody", missing.Str("resource_id"));
        (await host.OtherProject.GetJsonAsync("/v1/customers/cust_mine")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Every_change_of_a_voucher_is_in_its_audit_trail_in_order()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("AUDITED", 500));
        var redemption = (await host.Server.PostAsync("/v1/vouchers/AUDITED/redemption", Bodies.Order(2000))).Expect(HttpStatusCode.OK);

        // On SQLite the use is taken in one transaction with the record: one patch. On Cosmos DB redeem patches the voucher
        // twice (take a use with its journal entry, then clear the entry), and the latest-version feed may fold writes
        // made between two reads into the last, so only that one is certain there.
        var everyVersion = host.FeedKeepsEveryVersion;
        var trail = await host.EventuallyAsync(
            () => host.Server.GetJsonAsync("/v1/audit?object_id=AUDITED&object_type=voucher"),
            r => r.Status == HttpStatusCode.OK && (everyVersion ? r.Long("total") >= 2 : Settled(r)));

        Assert.Equal("list", trail.Str("object"));
        Assert.Equal("data", trail.Str("data_ref"));
        var entries = trail.Node("data")!.AsArray();
        Assert.All(entries, e => Assert.Equal("voucher", e!["object_type"]!.GetValue<string>()));
        if (everyVersion)
        {
            Assert.Equal("created", entries[0]!["change"]!.GetValue<string>());
            Assert.All(entries.Skip(1), e => Assert.Equal("patched", e!["change"]!.GetValue<string>()));
        }
        else
        {
            Assert.All(entries, e => Assert.Contains(e!["change"]!.GetValue<string>(), new[] { "created", "patched" }));
        }

        var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(1, entries[^1]!["data"]!["redemption"]!["redeemed_quantity"]!.GetValue<long>());

        var record = await host.EventuallyAsync(
            () => host.Server.GetJsonAsync($"/v1/audit?object_id={redemption.Str("id")}"),
            r => r.Status == HttpStatusCode.OK && r.Long("total") >= 1);
        Assert.Equal("redemption", record.Str("data.0.object_type"));

        (await host.Server.GetJsonAsync("/v1/audit")).ExpectError(HttpStatusCode.BadRequest, "missing_param");
        Assert.Equal(0, (await host.OtherProject.GetJsonAsync("/v1/audit?object_id=AUDITED")).Expect(HttpStatusCode.OK).Long("total"));
    }

    /// <summary>The trail ends with the voucher as the redeem left it: one use taken, its journal entry cleared.</summary>
    private static bool Settled(Reply trail)
    {
        var last = trail.Node("data")?.AsArray().LastOrDefault();
        return last?["data"]?["redemption"]?["redeemed_quantity"]?.GetValue<long>() == 1
            && last["data"]?["pending_uses_count"]?.GetValue<long>() == 0;
    }
}
