using System.Text.Json.Nodes;
using Voucherify.Core.Customers;

namespace Voucherify.Core.Tests.Customers;

/// <summary>The remembered ids and versions that make the summary handlers idempotent, applied a batch at a time.</summary>
public sealed class SummaryRingTests
{
    [Fact]
    public void A_batch_counts_each_record_once_and_skips_those_counted_before()
    {
        var summary = CustomerSummaryDocument.AddUncounted(CustomerSummaryDocument.New("cust_1", "cust_1", null), [Tally("r_1")])!;

        var next = CustomerSummaryDocument.AddUncounted(summary, [Tally("r_1"), Tally("r_2"), Tally("r_2"), Tally("r_3")])!;

        Assert.Equal(3, next["summary"]!["redemptions"]!["total_redeemed"]!.GetValue<long>());
        Assert.Equal(["r_1", "r_2", "r_3"], next["counted_records"]!.AsArray().Select(id => id!.GetValue<string>()));
        var unchanged = next.ToJsonString();
        Assert.Null(CustomerSummaryDocument.AddUncounted(next, [Tally("r_3"), Tally("r_1")]));
        Assert.Equal(unchanged, next.ToJsonString());
    }

    [Fact]
    public void Only_the_latest_records_are_remembered()
    {
        var tallies = Enumerable.Range(0, CustomerSummaryDocument.RememberedRecords + 5).Select(i => Tally($"r_{i}")).ToList();

        var summary = CustomerSummaryDocument.AddUncounted(CustomerSummaryDocument.New("cust_1", "cust_1", null), tallies)!;

        var counted = summary["counted_records"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        Assert.Equal(CustomerSummaryDocument.RememberedRecords, counted.Count);
        Assert.Equal("r_5", counted[0]);
        Assert.Equal($"r_{CustomerSummaryDocument.RememberedRecords + 4}", counted[^1]);
        Assert.Equal(CustomerSummaryDocument.RememberedRecords + 5, summary["summary"]!["redemptions"]!["total_redeemed"]!.GetValue<long>());
    }

    [Fact]
    public void An_order_applied_again_moves_to_the_newest_end_and_the_oldest_fall_off()
    {
        var summary = new JsonObject();
        CustomerOrderSummary.Remember(summary, Enumerable.Range(0, CustomerOrderSummary.RememberedOrders).Select(i => Order($"ord_{i}", 1)).ToList());

        CustomerOrderSummary.Remember(summary, [Order("ord_0", 2), Order("ord_new", 1)]);

        var applied = CustomerOrderSummary.Applied(summary, "cust_1");
        var ids = summary["applied_orders"]!.AsArray().Select(entry => entry!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(CustomerOrderSummary.RememberedOrders, ids.Count);
        Assert.Equal(["ord_0", "ord_new"], ids[^2..]);
        Assert.Equal(2, applied["ord_0"].Sequence);
        Assert.DoesNotContain("ord_1", ids);
        Assert.Equal("ord_2", ids[0]);
    }

    private static RedemptionTally Tally(string recordId) => new(recordId, "cust_1", "cust_1", null) { Redeemed = 1, Succeeded = 1 };

    private static OrderContribution Order(string id, long sequence) => new(id, "cust_1", sequence, true, 1000, "2026-01-01T00:00:00.000Z");
}
