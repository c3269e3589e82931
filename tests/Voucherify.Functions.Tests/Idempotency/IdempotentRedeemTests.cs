using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Idempotency;

/// <summary>A checkout that retries a redeem with the same Idempotency-Key must not redeem twice.</summary>
public sealed class IdempotentRedeemTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ServiceHost.StartAsync();
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ONCEONLY", 500, quantity: 10));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_retried_redeem_replays_the_first_answer_instead_of_redeeming_again()
    {
        var first = await RedeemAsync("order-1001", Bodies.Order(3000));
        var retry = await RedeemAsync("order-1001", Bodies.Order(3000));

        first.Expect(HttpStatusCode.OK);
        retry.Expect(HttpStatusCode.OK);
        Assert.Equal(first.Str("id"), retry.Str("id"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/ONCEONLY")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task Racing_requests_with_one_key_redeem_exactly_once()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RedeemAsync("order-race", Bodies.Order(3000))));

        var ids = replies.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Str("id")).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => r.ExpectError(HttpStatusCode.Conflict, "multiple_requests"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/ONCEONLY")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task A_failed_attempt_is_replayed_as_the_same_failure()
    {
        await host.Server.PostAsync("/v1/vouchers/ONCEONLY/disable");

        var first = (await RedeemAsync("order-disabled", Bodies.Order(3000))).ExpectError(HttpStatusCode.BadRequest, "voucher_disabled");
        await host.Server.PostAsync("/v1/vouchers/ONCEONLY/enable");
        var retry = (await RedeemAsync("order-disabled", Bodies.Order(3000))).ExpectError(HttpStatusCode.BadRequest, "voucher_disabled");

        Assert.Equal(first.Str("resource_id"), retry.Str("resource_id"));
        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/redemptions?result=FAILURE")).Long("total"));
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_request_is_refused()
    {
        (await RedeemAsync("order-2002", Bodies.Order(3000))).Expect(HttpStatusCode.OK);

        (await RedeemAsync("order-2002", Bodies.Order(9999))).ExpectError(HttpStatusCode.BadRequest, "idempotency_key_reused");

        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/ONCEONLY")).Long("redemption.redeemed_quantity"));
    }

    [Fact]
    public async Task Keys_are_per_project()
    {
        await host.OtherProject.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ONCEONLY", 500, quantity: 10));

        var mine = await RedeemAsync("shared-key", Bodies.Order(3000));
        var theirs = await host.OtherProject.PostAsync("/v1/vouchers/ONCEONLY/redemption", Bodies.Order(3000), "shared-key");

        mine.Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
    }

    private Task<Reply> RedeemAsync(string key, JsonObject body) => host.Server.PostAsync("/v1/vouchers/ONCEONLY/redemption", body, key);
}
