using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>The order summary on a feed of every version in one order (SQLite's log): it keeps the last sequence it applied.</summary>
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
    }

    [Fact]
    public async Task A_batch_cut_differently_after_a_crash_before_the_tally_writes_takes_the_applied_version_out_once()
    {
        var first = Version("ord_a", 1, "PAID", 1000, minute: 0);
        var second = Version("ord_b", 2, "PAID", 500, minute: 1);
        Store.BeforeWrite = key =>
        {
            if (key.Kind == CustomerOrderTallyKeys.Kind)
            {
                throw new IOException($"crashed before writing {key}");
            }
        };
        await Assert.ThrowsAsync<IOException>(() => Handler.HandleBatchAsync([first, second], default));
        Store.BeforeWrite = null;

        // The feed reads from the checkpoint again and this time the batch also holds a later version of ord_a: its PAID
        // version was applied (at or below the mark) though no tally says so, and is what the cancellation takes out.
        await Handler.HandleBatchAsync([first, second, Version("ord_a", 3, "CANCELED", 1000, minute: 0)], default);

        var orders = (await SummaryAsync())["summary"]!["orders"]!;
        Assert.Equal(500, orders["total_amount"]!.GetValue<long>());
        Assert.Equal(1, orders["total_count"]!.GetValue<long>());
        Assert.Equal(500, orders["last_order_amount"]!.GetValue<long>());
        Assert.Equal([3L, 2L], new[] { "ord_a", "ord_b" }.Select(id => Store.All(CustomerOrderTallyKeys.Kind).Single(tally => tally.Key.Id == id).Body["sequence"]!.GetValue<long>()));
    }
}
