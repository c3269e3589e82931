using System.Net;
using System.Net.Sockets;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// The dev host as a separate process, killed with SIGKILL in the middle of concurrent redemptions or rollbacks
/// and restarted on the same store: no success a client saw is lost, none is counted twice, and the
/// counter ends equal to the records.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Quantity = 40;

    /// <summary>Enough rollbacks in flight that the kill lands while most are still running.</summary>
    private const int RolledBack = 150;

    [Fact]
    public async Task A_host_killed_mid_redemption_restarts_with_counters_equal_to_the_records()
    {
        await using var first = await DevHostProcess.StartAsync();
        using var client = Client(first.BaseAddress);
        (await client.PostAsync("/v1/vouchers", Bodies.AmountVoucher("CRASHY", 100, Quantity))).Expect(HttpStatusCode.OK);
        var seen = await RedeemWhileKillingAsync(client, first);

        await using var second = await RestartAsync(first);
        using var after = Client(second.BaseAddress);
        var counter = await SettledCounterAsync(after);

        foreach (var id in seen)
        {
            Assert.Equal("SUCCEEDED", (await after.GetJsonAsync($"/v1/redemptions/{id}")).Expect(HttpStatusCode.OK).Str("status"));
        }

        var records = await SucceededCountAsync(after);
        Assert.Equal(records, counter);
        Assert.InRange(records, seen.Count, Quantity);
        Assert.Equal(Quantity, records + await RedeemWhatIsLeftAsync(after));
    }

    /// <summary>
    /// A rollback is several writes even on SQLite (claim, give the use back with a journal entry, write the record,
    /// clear both), so a kill leaves some half done; the restarted host's recovery has to find them (by the pending
    /// marks' indexes) and finish each exactly once.
    /// </summary>
    [Fact]
    public async Task A_host_killed_mid_rollback_restarts_with_every_rollback_finished_once()
    {
        await using var first = await DevHostProcess.StartAsync();
        using var client = Client(first.BaseAddress);
        (await client.PostAsync("/v1/vouchers", Bodies.AmountVoucher("CRASHY", 100, RolledBack))).Expect(HttpStatusCode.OK);
        var redemptions = new List<string>();
        for (var i = 0; i < RolledBack; i++)
        {
            redemptions.Add((await client.PostAsync("/v1/vouchers/CRASHY/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK).Str("id"));
        }

        var rolledBack = await RollBackWhileKillingAsync(client, first, redemptions);

        await using var second = await RestartAsync(first);
        using var after = Client(second.BaseAddress);
        var counter = await SettledCounterAsync(after);

        var statuses = new Dictionary<string, string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(200);
            foreach (var id in redemptions)
            {
                var redemption = (await after.GetJsonAsync($"/v1/redemptions/{id}")).Expect(HttpStatusCode.OK);
                statuses[id] = redemption.Node("pending_rollback") is null ? redemption.Str("status") : "PENDING";
            }
        }
        while (statuses.ContainsValue("PENDING") && DateTime.UtcNow < deadline);

        Assert.DoesNotContain("PENDING", statuses.Values);
        Assert.All(rolledBack, id => Assert.Equal("ROLLED_BACK", statuses[id]));
        var stillCounted = statuses.Values.Count(status => status == "SUCCEEDED");
        Assert.Equal(stillCounted, counter);
        Assert.Equal(stillCounted, await SucceededCountAsync(after));
        var rollbackRecords = (await after.GetJsonAsync("/v1/redemptions?filters[voucher_code][conditions][$is]=CRASHY&filters[object][conditions][$is]=redemption_rollback")).Long("total");
        Assert.Equal(RolledBack - stillCounted, rollbackRecords);
        Assert.InRange(rolledBack.Count, 1, RolledBack - stillCounted);
        Assert.Equal(RolledBack, stillCounted + await RedeemWhatIsLeftAsync(after));
    }

    private static Task<List<string>> RollBackWhileKillingAsync(HttpClient client, DevHostProcess host, IReadOnlyList<string> redemptions) =>
        KillDuringAsync(host, 3, redemptions.Select(id => (Func<Task<string?>>)(async () =>
            (await client.PostAsync($"/v1/redemptions/{id}/rollback")).Status == HttpStatusCode.OK ? id : null)));

    private static Task<List<string>> RedeemWhileKillingAsync(HttpClient client, DevHostProcess host) =>
        KillDuringAsync(host, 5, Enumerable.Range(0, 150).Select(_ => (Func<Task<string?>>)(async () =>
        {
            var reply = await client.PostAsync("/v1/vouchers/CRASHY/redemption", Bodies.Order(1000));
            return reply.Status == HttpStatusCode.OK ? reply.Str("id") : null;
        })));

    /// <summary>Sends the requests at once and kills the host once <paramref name="killAfter"/> have succeeded; returns what each success a client saw names.</summary>
    private static async Task<List<string>> KillDuringAsync(DevHostProcess host, int killAfter, IEnumerable<Func<Task<string?>>> requests)
    {
        var seen = new List<string>();
        var attempts = requests.Select(async request =>
        {
            try
            {
                if (await request() is { } id)
                {
                    lock (seen)
                    {
                        seen.Add(id);
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                // Cut off by the kill, while connecting, sending or reading (a connection the kill cut as it opened
                // surfaces as a bare SocketException): the client does not know the outcome, which is the point.
            }
        }).ToList();
        while (seen.Count < killAfter)
        {
            await Task.Delay(1);
        }

        host.Kill();
        await Task.WhenAll(attempts);
        return seen;
    }

    /// <summary>The host again on the killed one's store (disposed first, so before the folder goes), recovering what is older than a second, every second.</summary>
    private static Task<DevHostProcess> RestartAsync(DevHostProcess killed) =>
        DevHostProcess.StartAsync(killed.Folder, "--Voucherify:RecoveryGraceSeconds=1", "--Voucherify:RecoveryIntervalSeconds=1");

    /// <summary>Redeems until the voucher refuses: how many uses it still had.</summary>
    private static async Task<int> RedeemWhatIsLeftAsync(HttpClient client)
    {
        var more = 0;
        while ((await client.PostAsync("/v1/vouchers/CRASHY/redemption", Bodies.Order(1000))).Status == HttpStatusCode.OK)
        {
            more++;
        }

        return more;
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

    /// <summary>Redemptions (not rollback records, which succeed too) that still count.</summary>
    private static async Task<long> SucceededCountAsync(HttpClient client) =>
        (await client.GetJsonAsync("/v1/redemptions?filters[voucher_code][conditions][$is]=CRASHY&filters[status][conditions][$is]=SUCCEEDED&filters[object][conditions][$is]=redemption")).Long("total");

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-App-Id", DevDefaults.AppId);
        client.DefaultRequestHeaders.Add("X-App-Token", DevDefaults.AppToken);
        return client;
    }
}
