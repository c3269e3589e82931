using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>
/// The order summary on a feed of every version in one order whose log keeps them (SQLite's): it keeps the last sequence
/// it applied, finds an order's earlier version in the batch or the log, and writes no tally.
/// </summary>
public sealed class OrderSummaryInOrderTests() : OrderSummaryTests(ChangeFeedOrder.EveryVersion)
{
    [Fact]
    public async Task The_summary_keeps_the_last_sequence_applied_instead_of_the_versions_it_applied()
    {
        await Handler.HandleBatchAsync(Enumerable.Range(0, 600).Select(i => Version($"ord_{i:D4}", i + 1, "PAID", 100, minute: i)).ToList(), default);

        var summary = await SummaryAsync();
        Assert.Null(summary["applied_orders"]);
        Assert.Null(summary["counted_records"]);
        Assert.Equal(600, summary["orders_applied_through"]!.GetValue<long>());
        Assert.True(summary.ToJsonString().Length < 1024, $"summary is {summary.ToJsonString().Length} characters");
        Assert.Empty(Store.All(CustomerOrderTallyKeys.Kind));
        Assert.Equal([CustomerSummaryKeys.Kind], Store.Writes.Select(key => key.Kind).Distinct());
    }

    [Fact]
    public async Task A_batch_delivered_again_and_cut_differently_takes_the_applied_version_out_once()
    {
        var first = Version("ord_a", 1, "PAID", 1000, minute: 0);
        var second = Version("ord_b", 2, "PAID", 500, minute: 1);
        await Handler.HandleBatchAsync([first, second], default);
        var reads = Log.Reads;

        // The checkpoint was lost (a crash after the summary write): the feed reads from the old one again, and this
        // time the batch also holds a later version of ord_a, which takes out the PAID version at or below the mark.
        await Handler.HandleBatchAsync([first, second, Version("ord_a", 3, "CANCELED", 1000, minute: 0)], default);

        await AssertOrdersAsync(total: 500, count: 1, average: 500, lastAmount: 500, lastMinute: 1);
        Assert.Equal(reads, Log.Reads);
    }

    [Fact]
    public async Task A_later_version_takes_out_what_the_version_before_it_in_the_log_added()
    {
        await Handler.HandleBatchAsync([Version("ord_a", 1, "PAID", 1000, minute: 0, change: ChangeKind.Created), Version("ord_b", 2, "PAID", 400, minute: 1, change: ChangeKind.Created)], default);
        Assert.Equal(0, Log.Reads);
        await Handler.HandleBatchAsync([Version("ord_a", 3, "PAID", 1000, minute: 0, customer: "cust_2")], default);

        // The batch starts after the checkpoint, so the version that cust_1's summary holds is found in the log, passing
        // the one that names another customer.
        await Handler.HandleBatchAsync([Version("ord_a", 4, "PAID", 1800, minute: 0)], default);

        await AssertOrdersAsync(total: 2200, count: 2, average: 1100, lastAmount: 400, lastMinute: 1);
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0, customer: "cust_2");
        Assert.Equal(2, Log.Reads);
    }

    [Fact]
    public async Task Orders_created_in_the_batch_read_nothing_from_the_log()
    {
        await Handler.HandleBatchAsync(Enumerable.Range(0, 50).Select(i => Version($"ord_{i:D2}", i + 1, "PAID", 100, minute: i, change: ChangeKind.Created)).ToList(), default);

        await AssertOrdersAsync(total: 5000, count: 50, average: 100, lastAmount: 100, lastMinute: 49);
        Assert.Equal(0, Log.Reads);
    }

    [Fact]
    public async Task A_version_the_feed_parked_is_passed_over_in_the_log_it_added_nothing()
    {
        await Handler.HandleBatchAsync([Version("ord_a", 1, "PAID", 1000, minute: 0, change: ChangeKind.Created)], default);
        await ParkAsync(Version("ord_a", 2, "PAID", 3000, minute: 0));

        await Handler.HandleAsync(Version("ord_a", 3, "CANCELED", 3000, minute: 0), default);

        await AssertOrdersAsync(total: 0, count: 0, average: 0, lastAmount: 0, lastMinute: null);
    }

    [Fact]
    public async Task A_version_the_feed_parked_is_passed_over_in_a_batch_delivered_again()
    {
        var created = Version("ord_a", 1, "PAID", 1000, minute: 0, change: ChangeKind.Created);
        var parked = Version("ord_a", 2, "PAID", 3000, minute: 0);
        var other = Version("ord_b", 3, "PAID", 500, minute: 1, change: ChangeKind.Created);
        await Handler.HandleAsync(created, default);
        await ParkAsync(parked);
        await Handler.HandleAsync(other, default);

        // The checkpoint was lost after that: the batch comes again with a later version of ord_a, whose parked version
        // lies below the summary's mark.
        await Handler.HandleBatchAsync([created, parked, other, Version("ord_a", 4, "CANCELED", 3000, minute: 0)], default);

        await AssertOrdersAsync(total: 500, count: 1, average: 500, lastAmount: 500, lastMinute: 1);
    }

    /// <summary>What the feed does with a change the handler failed on every time: it sets it aside, unapplied.</summary>
    private Task ParkAsync(DocumentChange change) =>
        new ParkedChanges(Store, TimeProvider.System).ParkAsync(CustomerOrderSummaryHandler.HandlerName, change, new IOException("failed every time"), 4, default);
}
