using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>
/// The order summary on a feed that folds versions (Cosmos DB): it remembers the versions it applied by order, and a
/// tally document per order keeps the version applied.
/// </summary>
public sealed class OrderSummaryByIdTests() : OrderSummaryTests(_ => ChangeFeedOrder.LatestVersions)
{
    [Fact]
    public async Task A_crash_between_the_summary_write_and_the_tally_write_counts_nothing_twice()
    {
        List<DocumentChange> batch =
        [
            Version("ord_old", 1, "PAID", 1000, minute: 0),
            Version("ord_new", 2, "PAID", 3000, minute: 5),
        ];
        Store.BeforeWrite = key =>
        {
            if (key.Kind == CustomerOrderTallyKeys.Kind)
            {
                throw new IOException($"crashed before writing {key}");
            }
        };
        await Assert.ThrowsAsync<IOException>(() => Handler.HandleBatchAsync(batch, default));
        Assert.Empty(Store.All(CustomerOrderTallyKeys.Kind));
        await AssertOrdersAsync(total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);

        // Delivered again change by change, as the feed does after a failed batch: counted once, tallies written.
        Store.BeforeWrite = null;
        foreach (var change in batch)
        {
            await Handler.HandleAsync(change, default);
        }

        await AssertOrdersAsync(total: 4000, count: 2, average: 2000, lastAmount: 3000, lastMinute: 5);
        Assert.Equal(["ord_new", "ord_old"], Store.All(CustomerOrderTallyKeys.Kind).Select(tally => tally.Key.Id).Order(StringComparer.Ordinal));
        await ApplyAsync(Version("ord_new", 3, "CANCELED", 3000, minute: 5));
        await AssertOrdersAsync(total: 1000, count: 1, average: 1000, lastAmount: 1000, lastMinute: 0);
    }
}
