using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Storage;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

/// <summary>
/// Per-customer limits and budgets under hundreds of concurrent HTTP redemptions: successes never exceed the rule, and
/// the counters equal the stored redemptions. A rollback gives its share of the budget back.
/// </summary>
public sealed class BudgetRaceTests : HostedApiTest
{
    [Fact]
    public async Task Concurrent_redemptions_by_two_customers_each_stop_at_the_per_customer_limit()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("PERCUST", 100))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "redemption.count.per_customer", "conditions": {"$less_than": [3]}, "error": {"message": "Three per customer"}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);

        var replies = await RaceAsync(200, k => host.Server.PostAsync("/v1/vouchers/PERCUST/redemption", As(k % 2 == 0 ? "cust_a" : "cust_b", Bodies.Order(1000))));

        Assert.Equal(6, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("Three per customer", r.ExpectError(HttpStatusCode.BadRequest, "redemption_rules_violated").Str("error.message")));
        foreach (var customer in new[] { "cust_a", "cust_b" })
        {
            Assert.Equal(3, (await host.Server.GetJsonAsync($"/v1/redemptions?result=SUCCESS&customer={customer}")).Long("total"));
            Assert.Equal(3, await CounterAsync(RuleCounterKeys.Customer(voucher, customer), RuleCounterKeys.RedemptionsCount));
        }

        Assert.Equal(6, (await host.Server.GetJsonAsync("/v1/vouchers/PERCUST")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task A_campaign_discount_budget_is_never_overspent_by_concurrent_redemptions_of_its_codes()
    {
        var campaign = (await host.Server.PostAsync("/v1/campaigns", Bodies.Campaign("Budget", 5))).Expect(HttpStatusCode.OK).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "campaign.orders.amount_discounted", "conditions": {"$less_than_or_equal": [10000]}}, "2": {"name": "campaign.redemptions.count", "conditions": {"$less_than": [50]}}, "logic": "1 and 2"}""", error: "Budget spent");
        await Catalog.AssignAsync(host, rule, "campaign", campaign);
        var codes = (await host.Server.GetJsonAsync($"/v1/vouchers?campaign_id={campaign}&limit=5")).Json["vouchers"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()).ToArray();

        var replies = await RaceAsync(120, k => host.Server.PostAsync($"/v1/vouchers/{codes[k % codes.Length]}/redemption", Bodies.Order(10000)));

        Assert.Equal(10, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => r.ExpectError(HttpStatusCode.BadRequest, "redemption_rules_violated"));
        Assert.Equal(10000, await CounterAsync(campaign, RuleCounterKeys.DiscountedAmount));
        Assert.Equal(10, await CounterAsync(campaign, RuleCounterKeys.RedemptionsCount));
        Assert.Equal(100000, await CounterAsync(campaign, RuleCounterKeys.OrdersAmount));
        Assert.Equal(10, (await host.Server.GetJsonAsync("/v1/redemptions?result=SUCCESS")).Long("total"));
    }

    [Fact]
    public async Task A_redemption_count_budget_holds_under_concurrency_and_a_rollback_gives_a_use_back()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SEVEN", 100))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "campaign.redemptions.count", "conditions": {"$less_than": [7]}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);

        var replies = await RaceAsync(100, _ => host.Server.PostAsync("/v1/vouchers/SEVEN/redemption", Bodies.Order(1000)));
        var first = replies.First(r => r.Status == HttpStatusCode.OK).Str("id");
        (await host.Server.PostAsync($"/v1/redemptions/{first}/rollback")).Expect(HttpStatusCode.OK);
        var after = await RaceAsync(20, _ => host.Server.PostAsync("/v1/vouchers/SEVEN/redemption", Bodies.Order(1000)));

        Assert.Equal(7, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(1, after.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(7, await CounterAsync(voucher, RuleCounterKeys.RedemptionsCount));
        Assert.Equal(7, (await host.Server.GetJsonAsync("/v1/vouchers/SEVEN")).Long("redemption.redeemed_quantity"));
        Assert.Equal(0, await CounterAsync(voucher, RuleCounterLedger.PendingCountPath));
    }

    [Fact]
    public async Task A_discount_that_would_cross_the_budget_is_refused_whole_not_applied_in_part()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("EDGE", 1000))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "campaign.orders.amount_discounted", "conditions": {"$less_than_or_equal": [2500]}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);

        (await host.Server.PostAsync("/v1/vouchers/EDGE/redemption", Bodies.Order(5000))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers/EDGE/redemption", Bodies.Order(5000))).Expect(HttpStatusCode.OK);
        var third = await host.Server.PostAsync("/v1/vouchers/EDGE/redemption", Bodies.Order(5000));
        var small = await host.Server.PostAsync("/v1/vouchers/EDGE/redemption", Bodies.Order(500));

        third.ExpectError(HttpStatusCode.BadRequest, "redemption_rules_violated");
        Assert.Equal(500, small.Expect(HttpStatusCode.OK).Long("order.total_discount_amount"));
        Assert.Equal(2500, await CounterAsync(voucher, RuleCounterKeys.DiscountedAmount));
    }

    private static JsonObject As(string customer, JsonObject body)
    {
        body["customer"] = new JsonObject { ["id"] = customer };
        return body;
    }

    private static async Task<Reply[]> RaceAsync(int count, Func<int, Task<Reply>> send)
    {
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, count).Select(async k =>
        {
            await gate.WaitAsync();
            return await send(k);
        }).ToList();
        gate.Release(count);
        return await Task.WhenAll(attempts);
    }

    private async Task<long> CounterAsync(string counterId, string field)
    {
        var document = await host.Service<IDocumentStore>().GetAsync(RuleCounterKeys.For(Catalog.Project(host), counterId));
        return document?.Body[field]?.GetValue<long>() ?? 0;
    }
}
