using System.Net;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Hosting;

/// <summary>The SQLite change log leaves out what the handlers write for themselves, and no handler misses it.</summary>
public sealed class DerivedKindsTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    // The log under test is SQLite's, so the class stays on SQLite when the suite runs on Cosmos DB (VOUCHERIFY_TEST_COSMOS).
    public async Task InitializeAsync() => host = await ServiceHost.StartAsync(settings: new Dictionary<string, string> { ["Voucherify:Store"] = "sqlite" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void No_registered_handler_is_fed_a_kind_the_log_leaves_out()
    {
        var handlers = host.Service<IEnumerable<IChangeHandler>>().ToList();

        Assert.NotEmpty(handlers);
        foreach (var kind in DerivedKinds.All)
        {
            var key = new DocumentKey("proj_any", kind, "partition", "id");
            Assert.All(handlers, handler => Assert.False(handler.Wants(key), $"{handler.Name} wants {kind}, which the SQLite change log leaves out"));
        }
    }

    [Fact]
    public async Task A_redemption_leaves_its_own_changes_in_the_log_and_none_of_the_derived_documents_written_after_it()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("LOGGED", 500));
        var redemption = (await host.Server.PostAsync("/v1/vouchers/LOGGED/redemption", Customers("cust_logged", Bodies.Order(2000)))).Expect(HttpStatusCode.OK);

        // The audit trail and the customer's summary exist: the handlers ran and wrote their documents.
        await host.EventuallyAsync(() => host.Server.GetJsonAsync($"/v1/audit?object_id={redemption.Str("id")}"), r => r.Status == HttpStatusCode.OK && r.Long("total") >= 1);
        await host.EventuallyAsync(() => host.Server.GetJsonAsync("/v1/customers/cust_logged"), r => r.Status == HttpStatusCode.OK && r.Long("summary.redemptions.total_succeeded") == 1);

        var logged = (await host.Service<IChangeFeed>().ReadAsync(null, 10_000, _ => true, CancellationToken.None)).Changes;
        Assert.Contains(logged, change => change.Key.Kind == "redemption" && change.Key.Id == redemption.Str("id"));
        Assert.Contains(logged, change => change.Key.Kind == "voucher");
        Assert.DoesNotContain(logged, change => DerivedKinds.All.Contains(change.Key.Kind));
    }

    private static System.Text.Json.Nodes.JsonObject Customers(string sourceId, System.Text.Json.Nodes.JsonObject body)
    {
        body["customer"] = new System.Text.Json.Nodes.JsonObject { ["source_id"] = sourceId };
        return body;
    }
}
