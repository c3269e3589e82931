using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Customers;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>The summary handlers' one write path, on a real store.</summary>
public sealed class CustomerSummaryWriterTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Writers_of_one_summary_in_one_process_take_turns_instead_of_losing_to_each_other()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), new FakeTimeProvider());
        var key = CustomerSummaryKeys.For("proj_1", "cust_1");
        var applied = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => CustomerSummaryWriter.ApplyAsync(
            store,
            key,
            () => new JsonObject { ["n"] = 0 },
            async current =>
            {
                Interlocked.Increment(ref applied);
                await Task.Delay(1);
                current["n"] = current["n"]!.GetValue<int>() + 1;
                return current;
            },
            CancellationToken.None))));

        Assert.Equal(40, (await store.GetAsync(key))!.Body["n"]!.GetValue<int>());
        Assert.Equal(40, applied);
    }
}
