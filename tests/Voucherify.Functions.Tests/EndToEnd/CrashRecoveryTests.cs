using System.Net;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// The dev host as a separate process, killed with SIGKILL in the middle of concurrent redemptions
/// and restarted on the same store: no success a client saw is lost, none is counted twice, and the
/// counter ends equal to the records.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Quantity = 40;

    [Fact]
    public async Task A_host_killed_mid_redemption_restarts_with_counters_equal_to_the_records()
    {
        var first = await DevHostProcess.StartAsync();
        var folder = first.Folder;
        try
        {
            using var client = Client(first.BaseAddress);
            (await client.PostAsync("/v1/vouchers", Bodies.AmountVoucher("CRASHY", 100, Quantity))).Expect(HttpStatusCode.OK);
            var seen = await RedeemWhileKillingAsync(client, first);

            await using var second = await DevHostProcess.StartAsync(folder, "--Voucherify:RecoveryGraceSeconds=1", "--Voucherify:RecoveryIntervalSeconds=1");
            using var after = Client(second.BaseAddress);
            var counter = await SettledCounterAsync(after);

            foreach (var id in seen)
            {
                Assert.Equal("SUCCEEDED", (await after.GetJsonAsync($"/v1/redemptions/{id}")).Expect(HttpStatusCode.OK).Str("status"));
            }

            var records = await SucceededCountAsync(after);
            Assert.Equal(records, counter);
            Assert.InRange(records, seen.Count, Quantity);
            var more = 0;
            while ((await after.PostAsync("/v1/vouchers/CRASHY/redemption", Bodies.Order(1000))).Status == HttpStatusCode.OK)
            {
                more++;
            }

            Assert.Equal(Quantity, records + more);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private static async Task<List<string>> RedeemWhileKillingAsync(HttpClient client, DevHostProcess host)
    {
        var seen = new List<string>();
        var attempts = Enumerable.Range(0, 150).Select(async _ =>
        {
            try
            {
                var reply = await client.PostAsync("/v1/vouchers/CRASHY/redemption", Bodies.Order(1000));
                if (reply.Status == HttpStatusCode.OK)
                {
                    lock (seen)
                    {
                        seen.Add(reply.Str("id"));
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Cut off by the kill: the client does not know the outcome, which is the point.
            }
        }).ToList();
        while (seen.Count < 5)
        {
            await Task.Delay(5);
        }

        host.Kill();
        await Task.WhenAll(attempts);
        return seen;
    }

    /// <summary>Waits for recovery to settle the counter (it repairs entries older than the grace period).</summary>
    private static async Task<long> SettledCounterAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long counter;
        do
        {
            await Task.Delay(500);
            counter = (await client.GetJsonAsync("/v1/vouchers/CRASHY")).Long("redemption.redeemed_quantity");
        }
        while (counter != await SucceededCountAsync(client) && DateTime.UtcNow < deadline);
        return counter;
    }

    private static async Task<long> SucceededCountAsync(HttpClient client) =>
        (await client.GetJsonAsync("/v1/redemptions?filters[voucher_code][conditions][$is]=CRASHY&filters[status][conditions][$is]=SUCCEEDED")).Long("total");

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-App-Id", DevDefaults.AppId);
        client.DefaultRequestHeaders.Add("X-App-Token", DevDefaults.AppToken);
        return client;
    }
}
