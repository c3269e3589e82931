using System.Net;
using System.Text.Json.Nodes;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Voucherify.Functions.Tests.Idempotency;

/// <summary>
/// Every POST honours an Idempotency-Key, not only redeem: the retry gets the first answer back and the store is as the
/// first request left it. Driven by the route table, so a POST route added later is covered without touching this.
/// </summary>
public class IdempotentPostsTests(ITestOutputHelper output) : HostedApiTest
{
    [Fact]
    public async Task Every_POST_route_replays_its_first_answer_and_the_retry_changes_nothing()
    {
        var seeded = await SeededData.CreateAsync(host.Server);
        using var store = new StoreSnapshot(host);
        var failures = new List<string>();
        var tried = 0;
        var served = 0;

        foreach (var route in RouteTable.All().Where(r => r.Methods.Contains("POST")))
        {
            tried++;
            var path = RouteTable.Fill(route.Route, seeded.ValueOf);
            var client = RouteTable.IsClientSide(route.Route) ? host.ClientSide : host.Server;
            var body = RouteTable.IsClientSide(route.Route) ? Bodies.Order(1000).ToJsonString() : "{}";
            var key = $"every-post-{tried}";

            var first = await client.PostAsync(path, body, key);
            served += first.Status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices ? 1 : 0;
            await SettleAsync(first);
            var before = await StateAsync(store);
            var retry = await client.PostAsync(path, body, key);
            var after = await StateAsync(store);

            if ((int)first.Status >= 500)
            {
                failures.Add($"POST {path} -> {(int)first.Status}: {first.Text}");
            }
            else if (retry.Status != first.Status || retry.Text != first.Text || !Replayed(retry))
            {
                failures.Add($"POST {path}: first {(int)first.Status} {first.Text}, retry {(int)retry.Status} {retry.Text} (replayed: {Replayed(retry)})");
            }
            else if (before != after)
            {
                failures.Add($"POST {path}: the replayed retry changed the store");
            }
        }

        output.WriteLine($"idempotent POSTs: {tried} routes ({served} served the empty body), {failures.Count} failures");
        Assert.True(tried >= 20, $"only {tried} POST routes found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Requests that succeed and, sent twice without a key, create a second object or fail the second time: with a key the
    /// retry is the first answer and the store holds one. The same requests without a key show the test can tell.
    /// </summary>
    [Fact]
    public async Task Retried_creations_make_one_object_and_a_retried_rollback_answers_its_first_success()
    {
        var seeded = await SeededData.CreateAsync(host.Server);
        var rollbackTarget = (await host.Server.PostAsync($"/v1/vouchers/{SeededData.VoucherCode}/redemption", Bodies.Order(4000))).Expect(HttpStatusCode.OK).Str("id");
        var rule = new JsonObject
        {
            ["name"] = "Retried rule",
            ["rules"] = new JsonObject { ["1"] = new JsonObject { ["name"] = "order.amount", ["conditions"] = new JsonObject { ["$more_than"] = new JsonArray(1000) } }, ["logic"] = "1" },
        };
        (string Path, string Body)[] requests =
        [
            ("/v1/vouchers", new JsonObject { ["type"] = "DISCOUNT_VOUCHER", ["discount"] = new JsonObject { ["type"] = "AMOUNT", ["amount_off"] = 300 } }.ToJsonString()),
            ("/v1/customers", """{"name":"Nameless walk-in","email":"walk-in@example.com"}"""),
            ("/v1/orders", """{"amount":2500}"""),
            ("/v1/products", """{"name":"Unlabelled product","price":1200}"""),
            ("/v1/validation-rules", rule.ToJsonString()),
            ($"/v1/campaigns/{Uri.EscapeDataString(seeded.ValueOf("campaignId"))}/vouchers", "{}"),
            ($"/v1/vouchers/{SeededData.VoucherCode}/redemption", Bodies.Order(3000).ToJsonString()),
            ($"/v1/redemptions/{rollbackTarget}/rollback", "{}"),
        ];
        using var store = new StoreSnapshot(host);

        foreach (var (path, body) in requests)
        {
            var first = (await host.Server.PostAsync(path, body, $"retried {path}")).Expect(HttpStatusCode.OK);
            var once = await StateAsync(store);
            var retry = await host.Server.PostAsync(path, body, $"retried {path}");

            Assert.True(Replayed(retry), $"POST {path} was not replayed: {retry.Text}");
            Assert.Equal(first.Text, retry.Text);
            Assert.True(once == await StateAsync(store), $"the retry of POST {path} changed the store");
        }

        foreach (var (path, body) in requests)
        {
            var once = await StateAsync(store);
            var again = await host.Server.PostAsync(path, body);

            Assert.False(Replayed(again));
            Assert.True(again.Status != HttpStatusCode.OK || once != await StateAsync(store), $"POST {path} sent again without a key neither failed nor changed the store");
        }
    }

    private static bool Replayed(Reply reply) => reply.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    /// <summary>The store around the API, and the refused redemptions it records (which the snapshot leaves out).</summary>
    private async Task<string> StateAsync(StoreSnapshot store) =>
        store.Take(DevDefaults.ProjectId) + (await host.Server.GetJsonAsync("/v1/redemptions?result=FAILURE&limit=1")).Long("total");

    /// <summary>An accepted async action writes on after its answer; the snapshots compare once it is done.</summary>
    private async Task SettleAsync(Reply first)
    {
        if (first.Status == HttpStatusCode.Accepted && first.Node("async_action_id")?.GetValue<string>() is { } action)
        {
            await host.Server.WaitForAsync(action);
        }
    }
}
