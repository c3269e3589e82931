using System.Net;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Redemptions;

/// <summary>Real concurrent HTTP requests against one voucher: the limit holds exactly and counters equal records. On SQLite; <see cref="CosmosRedemptionRaceTests"/> races on Cosmos DB.</summary>
public class RedemptionRaceTests : HostedApiTest
{
    [Theory]
    [InlineData(200, 25)]
    [InlineData(60, 60)]
    [InlineData(50, 80)]
    public async Task Concurrent_redemptions_succeed_exactly_min_of_requests_and_quantity(int requests, int quantity)
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("RACE", 100, quantity));
        using var gate = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(0, requests).Select(async _ =>
        {
            await gate.WaitAsync();
            return await host.Server.PostAsync("/v1/vouchers/RACE/redemption", Bodies.Order(1000));
        }).ToList();
        gate.Release(requests);
        var replies = await Task.WhenAll(attempts);

        var expected = Math.Min(requests, quantity);
        Assert.Equal(expected, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => r.ExpectError(HttpStatusCode.BadRequest, "quantity_exceeded"));
        Assert.Equal(expected, (await host.Server.GetJsonAsync("/v1/vouchers/RACE")).Long("redemption.redeemed_quantity"));
        Assert.Equal(expected, (await host.Server.GetJsonAsync("/v1/redemptions?result=SUCCESS&filters[voucher_code][conditions][$is]=RACE")).Long("total"));
        Assert.Equal(requests - expected, (await host.Server.GetJsonAsync("/v1/redemptions?result=FAILURE")).Long("total"));
    }

    [Fact]
    public async Task Concurrent_rollbacks_of_one_redemption_give_back_exactly_one_use()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("TWICE", 100, 1));
        var id = (await host.Server.PostAsync("/v1/vouchers/TWICE/redemption", Bodies.Order(1000))).Str("id");

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Server.PostAsync($"/v1/redemptions/{id}/rollback")));

        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => r.ExpectError(HttpStatusCode.BadRequest, "already_rolled_back"));
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/TWICE")).Long("redemption.redeemed_quantity"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/redemptions?filters[object][conditions][$is]=redemption_rollback")).Long("total"));
    }

    [Fact]
    public async Task Redemptions_and_rollbacks_racing_keep_the_counter_equal_to_the_records()
    {
        const int quantity = 10;
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("CHURN", 100, quantity));
        var first = await Task.WhenAll(Enumerable.Range(0, quantity).Select(_ => host.Server.PostAsync("/v1/vouchers/CHURN/redemption", Bodies.Order(1000))));
        var ids = first.Select(r => r.Expect(HttpStatusCode.OK).Str("id")).ToList();

        var rollbacks = ids.Take(6).Select(id => host.Server.PostAsync($"/v1/redemptions/{id}/rollback"));
        var redeems = Enumerable.Range(0, 30).Select(_ => host.Server.PostAsync("/v1/vouchers/CHURN/redemption", Bodies.Order(1000)));
        var replies = await Task.WhenAll(rollbacks.Concat(redeems));

        Assert.All(replies.Take(6), r => r.Expect(HttpStatusCode.OK));
        var succeeded = (await host.Server.GetJsonAsync("/v1/redemptions?filters[status][conditions][$is]=SUCCEEDED&filters[object][conditions][$is]=redemption")).Long("total");
        var counter = (await host.Server.GetJsonAsync("/v1/vouchers/CHURN")).Long("redemption.redeemed_quantity");
        Assert.Equal(succeeded, counter);
        Assert.True(counter <= quantity, $"counter {counter} exceeds the quantity");
        Assert.Equal(quantity - 6 + replies.Skip(6).Count(r => r.Status == HttpStatusCode.OK), counter);
    }
}
