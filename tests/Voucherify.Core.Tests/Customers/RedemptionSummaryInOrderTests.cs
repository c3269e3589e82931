using System.Text.Json.Nodes;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>summary.redemptions on a feed of every version in one order (SQLite's log): one sequence instead of record ids.</summary>
public sealed class RedemptionSummaryInOrderTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly MemoryDocumentStore store = new();

    [Fact]
    public async Task A_record_counts_at_its_creation_once_however_often_it_comes_and_its_later_versions_count_nothing()
    {
        var handler = new CustomerSummaryHandler(store, ChangeFeedOrder.EveryVersion(new MemoryVersionLog()));
        List<DocumentChange> batch =
        [
            Change(1, "r_1", ChangeKind.Created, "SUCCESS"),
            Change(2, "r_2", ChangeKind.Created, "FAILURE"),
            Change(3, "r_1", ChangeKind.Patched, "SUCCESS"),
        ];

        await handler.HandleBatchAsync(batch, default);
        var writes = store.Writes.Count;
        await handler.HandleBatchAsync(batch, default);
        foreach (var change in batch)
        {
            await handler.HandleAsync(change, default);
        }

        Assert.Equal(writes, store.Writes.Count);
        await handler.HandleAsync(Change(4, "r_3", ChangeKind.Created, "SUCCESS"), default);
        var body = (await store.GetAsync(CustomerSummaryKeys.For("proj_1", "cust_1")))!.Body;
        var redemptions = body["summary"]!["redemptions"]!;
        Assert.Equal(3, redemptions["total_redeemed"]!.GetValue<long>());
        Assert.Equal(2, redemptions["total_succeeded"]!.GetValue<long>());
        Assert.Equal(1, redemptions["total_failed"]!.GetValue<long>());
        Assert.Equal(4, body["counted_through"]!.GetValue<long>());
        Assert.Null(body["counted_records"]);
    }

    private static DocumentChange Change(long sequence, string id, ChangeKind kind, string result) => new(
        sequence,
        new DocumentKey("proj_1", "redemption", id, id),
        kind,
        new JsonObject
        {
            ["id"] = id,
            ["object"] = "redemption",
            ["result"] = result,
            ["customer_id"] = "cust_1",
            ["voucher"] = new JsonObject { ["type"] = "DISCOUNT_VOUCHER" },
        },
        $"etag-{sequence}",
        Start.AddSeconds(sequence));
}
