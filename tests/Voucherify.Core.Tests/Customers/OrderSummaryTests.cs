using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>
/// summary.orders kept from order versions: each order counts by its latest state, whatever is delivered again. Run for
/// either way the handler remembers what it applied (<see cref="ChangeFeedOrder"/>): the deliveries here that no feed of
/// every version in one order makes (an older version after a newer one, folded versions) must change nothing there too.
/// Every version a test makes is written: into the version log, and as the order's state into the store.
/// </summary>
public abstract class OrderSummaryTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly MemoryDocumentStore store = new();
    private readonly MemoryVersionLog log = new();
    private readonly Dictionary<string, long> latest = [];
    private readonly bool keepsTallies;
    private readonly CustomerOrderSummaryHandler handler;

    /// <param name="order">The feed's order, given the log of every version the test writes.</param>
    protected OrderSummaryTests(Func<IVersionLog, ChangeFeedOrder> order)
    {
        var feedOrder = order(log);
        keepsTallies = !feedOrder.EveryVersionInOneOrder;
        handler = new CustomerOrderSummaryHandler(store, feedOrder);
    }

    protected MemoryDocumentStore Store => store;

    protected MemoryVersionLog Log => log;

    protected CustomerOrderSummaryHandler Handler => handler;

    [Fact]
    public async Task Paid_and_fulfilled_orders_count_created_and_canceled_do_not()
    {
        await ApplyAsync(
            Version("ord_a", 1, "PAID", 1000, minute: 0),
            Version("ord_b", 2, "CREATED", 5000, minute: 1),
            Version("ord_c", 3, "FULFILLED", 2001, minute: 2),
            Version("ord_d", 4, "CANCELED", 7000, minute: 3));

        // 3001 / 2 = 1500.5: the average is integer division.
        await AssertOrdersAsync(total: 3001, count: 2, average: 1500, lastAmount: 2001, lastMinute: 2);
    }

    [Fact]
    public async Task A_status_change_replaces_the_contribution_of_the_order()
    {
        await ApplyAsync(Version("ord_a", 1, "CREATED", 1000, minute: 0));
        await AssertOrdersAsync(total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);

        await ApplyAsync(Version("ord_a", 2, "PAID", 1000, minute: 0));
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);

        // A discount recorded later lowers what the customer pays; fulfilling it keeps it counted once.
        await ApplyAsync(Version("ord_a", 3, "PAID", 1000, minute: 0, totalAmount: 800));
        await ApplyAsync(Version("ord_a", 4, "FULFILLED", 1000, minute: 0, totalAmount: 800));
        await AssertOrdersAsync(total: 800, count: 1, average: 800, lastAmount: 800, lastMinute: 0);
    }

    [Fact]
    public async Task Canceling_the_last_order_makes_the_one_before_it_the_last()
    {
        await ApplyAsync(
            Version("ord_old", 1, "PAID", 1000, minute: 0),
            Version("ord_new", 2, "PAID", 3000, minute: 5));
        await AssertOrdersAsync(total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);

        await ApplyAsync(Version("ord_new", 3, "CANCELED", 3000, minute: 5));
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);

        await ApplyAsync(Version("ord_old", 4, "CANCELED", 1000, minute: 0));
        await AssertOrdersAsync(total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);
    }

    [Fact]
    public async Task Canceling_the_last_order_finds_the_one_before_it_among_orders_long_applied()
    {
        // The order before the last was applied before 600 others, so the summary no longer remembers it.
        await ApplyAsync(Version("ord_second", 1, "PAID", 2000, minute: 10));
        await handler.HandleBatchAsync(Enumerable.Range(0, 600).Select(i => Version($"ord_f{i:D4}", 2 + i, "PAID", 100, minute: 0)).ToList(), default);
        await ApplyAsync(Version("ord_last", 700, "PAID", 3000, minute: 20));
        await AssertOrdersAsync(total: 65_000, count: 602, average: 107, lastAmount: 3000, lastMinute: 20);

        await ApplyAsync(Version("ord_last", 701, "CANCELED", 3000, minute: 20));
        await AssertOrdersAsync(total: 62_000, count: 601, average: 103, lastAmount: 2000, lastMinute: 10);

        // Then among orders created in the same millisecond the one with the greatest id is the last.
        await ApplyAsync(Version("ord_second", 702, "CANCELED", 2000, minute: 10), Version("ord_f0599", 703, "PAID", 100, minute: 0, totalAmount: 90));
        await AssertOrdersAsync(total: 59_990, count: 600, average: 99, lastAmount: 90, lastMinute: 0);
    }

    [Fact]
    public async Task The_last_order_is_the_one_created_last_not_the_one_changed_last()
    {
        await ApplyAsync(
            Version("ord_new", 1, "CREATED", 3000, minute: 5),
            Version("ord_old", 2, "PAID", 1000, minute: 0),
            Version("ord_new", 3, "PAID", 3000, minute: 5),
            Version("ord_old", 4, "FULFILLED", 1000, minute: 0));

        await AssertOrdersAsync(total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);
    }

    [Fact]
    public async Task A_redelivered_version_changes_nothing()
    {
        var paid = Version("ord_a", 7, "PAID", 1000, minute: 0);
        await ApplyAsync(paid);
        var writes = store.Writes.Count;

        await ApplyAsync(paid);
        Assert.Equal(writes, store.Writes.Count);
        await ApplyAsync(Version("ord_b", 8, "PAID", 500, minute: 1));
        await AssertOrdersAsync(total: 1500, count: 2, average: 750, lastAmount: 500, lastMinute: 1);
    }

    [Fact]
    public async Task An_older_version_delivered_after_a_newer_one_changes_nothing()
    {
        var created = Version("ord_a", 1, "CREATED", 1000, minute: 0);
        var paid = Version("ord_a", 2, "PAID", 1000, minute: 0);
        var canceled = Version("ord_a", 3, "CANCELED", 1000, minute: 0);
        await ApplyAsync(created, paid, canceled);
        await AssertOrdersAsync(total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);
        var writes = store.Writes.Count;

        // Redelivery after a lost checkpoint starts again at an older version: the PAID one must not count again.
        await ApplyAsync(paid, created);
        await handler.HandleBatchAsync([created, paid], default);
        Assert.Equal(writes, store.Writes.Count);
        await AssertOrdersAsync(total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);
    }

    [Fact]
    public async Task Redelivering_a_whole_batch_changes_nothing()
    {
        List<DocumentChange> batch =
        [
            Version("ord_a", 1, "CREATED", 1000, minute: 0),
            Version("ord_b", 2, "PAID", 700, minute: 1),
            Version("ord_a", 3, "PAID", 1000, minute: 0),
            Version("ord_c", 4, "PAID", 300, minute: 2, customer: "cust_2"),
            Version("ord_b", 5, "FULFILLED", 700, minute: 1, totalAmount: 650),
        ];
        await handler.HandleBatchAsync(batch, default);
        var summary = await SummaryAsync();
        var writes = store.Writes.Count;

        await handler.HandleBatchAsync(batch, default);
        await handler.HandleBatchAsync(batch[..3], default);

        Assert.Equal(writes, store.Writes.Count);
        Assert.Equal(summary.ToJsonString(), (await SummaryAsync()).ToJsonString());
        await AssertOrdersAsync(total: 1650, count: 2, average: 825, lastAmount: 650, lastMinute: 1);
        await AssertOrdersAsync(total: 300, count: 1, average: 300, lastAmount: 300, lastMinute: 2, customer: "cust_2");
    }

    [Fact]
    public async Task An_order_that_moves_to_another_customer_and_back_replaces_what_it_added_to_the_first()
    {
        await ApplyAsync(Version("ord_a", 1, "PAID", 1000, minute: 0));
        await ApplyAsync(Version("ord_a", 2, "PAID", 1000, minute: 0, customer: "cust_2"));
        await ApplyAsync(Version("ord_a", 3, "PAID", 1500, minute: 0));

        // The first customer's summary keeps the order while it names another, as a deleted order keeps its contribution.
        await AssertOrdersAsync(total: 1500, count: 1, average: 1500, lastAmount: 1500, lastMinute: 0);
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0, customer: "cust_2");
    }

    [Fact]
    public async Task A_version_that_changes_nothing_costs_no_write()
    {
        await ApplyAsync(Version("ord_a", 1, "PAID", 1000, minute: 0));
        var writes = store.Writes.Count;

        // Linking the order to its redemption is a new version with the same status and amount.
        await ApplyAsync(Version("ord_a", 2, "PAID", 1000, minute: 0), Version("ord_b", 3, "CREATED", 400, minute: 1));

        Assert.Equal(writes, store.Writes.Count);
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);
    }

    [Fact]
    public async Task Many_orders_of_one_customer_keep_the_summary_document_small_and_cost_one_summary_write_per_batch()
    {
        var sizes = new List<int>();
        for (var batch = 0; batch < 30; batch++)
        {
            await handler.HandleBatchAsync(Enumerable.Range(batch * 100, 100).Select(i => Version($"ord_{i:D5}", i + 1, "PAID", 10 + (i % 7), minute: i)).ToList(), default);
            sizes.Add((await SummaryAsync()).ToJsonString().Length);
        }

        // What the summary remembers stops growing once it holds its bounded number of applied versions.
        Assert.True(sizes[^1] < 64 * 1024, $"summary is {sizes[^1]} characters");
        Assert.InRange(sizes[^1], sizes[19] - 50, sizes[19] + 50);
        Assert.Equal(30, store.Writes.Count(key => key.Kind == CustomerSummaryKeys.Kind));
        Assert.Equal(keepsTallies ? 3000 : 0, store.All(CustomerOrderTallyKeys.Kind).Count());
        var total = Enumerable.Range(0, 3000).Sum(i => 10 + (i % 7));
        await AssertOrdersAsync(total: total, count: 3000, average: total / 3000, lastAmount: 10 + (2999 % 7), lastMinute: 2999);
    }

    [Fact]
    public async Task A_feed_that_collapses_versions_still_ends_at_the_latest_state()
    {
        // Cosmos DB may deliver only the last of CREATED, PAID, FULFILLED.
        await ApplyAsync(Version("ord_a", 3, "FULFILLED", 1200, minute: 0));
        await AssertOrdersAsync(total: 1200, count: 1, average: 1200, lastAmount: 1200, lastMinute: 0);
    }

    [Fact]
    public void Orders_without_a_customer_and_deletions_contribute_nothing()
    {
        var order = Order("ord_a", "PAID", 1000, minute: 0, "cust_1");
        order.Remove("customer_id");
        Assert.Null(OrderContribution.Of(Change("ord_a", 1, order)));
        Assert.Null(OrderContribution.Of(new DocumentChange(2, Key("ord_a"), ChangeKind.Deleted, null, null, Start)));
    }

    [Fact]
    public async Task The_remembered_orders_are_not_part_of_the_summary()
    {
        await ApplyAsync(Version("ord_a", 1, "PAID", 1000, minute: 0));

        Assert.Equal(["total_amount", "total_count", "average_amount", "last_order_amount", "last_order_date"], (await SummaryAsync())["summary"]!["orders"]!.AsObject().Select(p => p.Key));
        Assert.Equal(keepsTallies, await store.GetAsync(CustomerOrderTallyKeys.For("proj_1", "cust_1", "ord_a")) is not null);
        Assert.Equal(["total_amount", "total_count", "average_amount", "last_order_amount"], CustomerSummaryDocument.EmptySummary()["orders"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>Delivers the versions one by one, as the feed does to a handler that is not given batches.</summary>
    protected async Task ApplyAsync(params DocumentChange[] versions)
    {
        foreach (var version in versions)
        {
            await handler.HandleAsync(version, default);
        }
    }

    protected async Task<JsonObject> SummaryAsync(string customer = "cust_1") =>
        (await store.GetAsync(CustomerSummaryKeys.For("proj_1", customer)))!.Body;

    /// <summary>Writes a version of the order (<paramref name="change"/>: how the store logged it) and returns its change.</summary>
    protected DocumentChange Version(string id, long sequence, string status, long amount, int minute, long? totalAmount = null, string customer = "cust_1", ChangeKind change = ChangeKind.Replaced)
    {
        var order = Order(id, status, amount, minute, customer);
        order["total_amount"] = totalAmount ?? amount;
        var version = Change(id, sequence, order) with { Change = change };
        log.Add(version);
        if (sequence > latest.GetValueOrDefault(id))
        {
            latest[id] = sequence;
            store.Put(version.Key, order);
        }

        return version;
    }

    private static JsonObject Order(string id, string status, long amount, int minute, string customer) => new()
    {
        ["id"] = id,
        ["object"] = "order",
        ["status"] = status,
        ["amount"] = amount,
        ["customer_id"] = customer,
        ["created_at"] = DocumentTimestamps.Format(Start.AddMinutes(minute)),
    };

    private static DocumentChange Change(string id, long sequence, JsonObject order) =>
        new(sequence, Key(id), ChangeKind.Replaced, order, $"etag-{sequence}", Start);

    private static DocumentKey Key(string id) => new("proj_1", "order", id, id);

    protected async Task AssertOrdersAsync(long total, long count, long average, long lastAmount, int? lastMinute, string customer = "cust_1")
    {
        // A customer with no summary document is shown the empty summary, as GET /v1/customers/{id} does.
        var orders = await store.GetAsync(CustomerSummaryKeys.For("proj_1", customer)) is { } summary
            ? summary.Body["summary"]!["orders"]!
            : CustomerSummaryDocument.EmptySummary()["orders"]!;
        Assert.Equal(total, orders["total_amount"]!.Deserialize<long>());
        Assert.Equal(count, orders["total_count"]!.Deserialize<long>());
        Assert.Equal(average, orders["average_amount"]!.Deserialize<long>());
        Assert.Equal(lastAmount, orders["last_order_amount"]!.Deserialize<long>());
        Assert.Equal(lastMinute is { } minute ? DocumentTimestamps.Format(Start.AddMinutes(minute)) : null, orders["last_order_date"]?.GetValue<string>());
    }
}
