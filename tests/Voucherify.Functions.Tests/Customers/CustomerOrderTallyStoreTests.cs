using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Customers;

/// <summary>
/// The order summary handler on the host's real store (SQLite here): the queries over a customer's tally documents
/// (the batch's tallies by id, the last counting order by created_at then id) and the sequence-guarded tally patches
/// hold there, not only in the Core tests' store in memory. Order changes are handed to the handler directly, under
/// a project of their own, because reaching orders the summary no longer remembers takes hundreds of them.
/// </summary>
public sealed class CustomerOrderTallyStoreTests : HostedApiTest
{
    private const string Project = "proj_tallies";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Canceling_the_last_order_finds_the_one_before_it_among_tallies_the_summary_no_longer_remembers()
    {
        var store = host.Service<IDocumentStore>();
        var handler = new CustomerOrderSummaryHandler(store);
        // Orders created in one millisecond, applied greatest id first, so the summary forgets that one first.
        await handler.HandleAsync(Version("ord_second", 1, "PAID", 2000, minute: 10), default);
        for (var batch = 0; batch < 6; batch++)
        {
            await handler.HandleBatchAsync(Enumerable.Range(batch * 100, 100).Select(i => Version($"ord_f{599 - i:D4}", 2 + i, "PAID", i == 0 ? 150 : 100, minute: 0)).ToList(), default);
        }

        await handler.HandleAsync(Version("ord_last", 700, "PAID", 3000, minute: 20), default);
        await handler.HandleAsync(Version("ord_last", 701, "CANCELED", 3000, minute: 20), default);
        AssertOrders(await OrdersAsync(store), total: 62_050, count: 601, lastAmount: 2000, lastMinute: 10);

        // A redelivered older version is refused by the tally's sequence too: nothing changes.
        await handler.HandleBatchAsync([Version("ord_last", 700, "PAID", 3000, minute: 20), Version("ord_f0599", 2, "PAID", 150, minute: 0)], default);
        AssertOrders(await OrdersAsync(store), total: 62_050, count: 601, lastAmount: 2000, lastMinute: 10);

        // Of the orders created in the same millisecond the one with the greatest id is the last.
        await handler.HandleAsync(Version("ord_second", 702, "CANCELED", 2000, minute: 10), default);
        AssertOrders(await OrdersAsync(store), total: 60_050, count: 600, lastAmount: 150, lastMinute: 0);
        var tally = (await store.GetAsync(CustomerOrderTallyKeys.For(Project, "cust_1", "ord_last")))!.Body;
        Assert.Equal(701, tally["sequence"]!.Deserialize<long>());
        Assert.False(tally["counts"]!.Deserialize<bool>());
    }

    private static async Task<JsonNode> OrdersAsync(IDocumentStore store) =>
        (await store.GetAsync(CustomerSummaryKeys.For(Project, "cust_1")))!.Body["summary"]!["orders"]!;

    private static DocumentChange Version(string id, long sequence, string status, long amount, int minute) =>
        new(sequence, new DocumentKey(Project, "order", id, id), ChangeKind.Replaced, new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["amount"] = amount,
            ["customer_id"] = "cust_1",
            ["created_at"] = DocumentTimestamps.Format(Start.AddMinutes(minute)),
        }, $"etag-{sequence}", Start);

    private static void AssertOrders(JsonNode orders, long total, long count, long lastAmount, int lastMinute)
    {
        Assert.Equal(total, orders["total_amount"]!.Deserialize<long>());
        Assert.Equal(count, orders["total_count"]!.Deserialize<long>());
        Assert.Equal(total / count, orders["average_amount"]!.Deserialize<long>());
        Assert.Equal(lastAmount, orders["last_order_amount"]!.Deserialize<long>());
        Assert.Equal(DocumentTimestamps.Format(Start.AddMinutes(lastMinute)), orders["last_order_date"]!.GetValue<string>());
    }
}
