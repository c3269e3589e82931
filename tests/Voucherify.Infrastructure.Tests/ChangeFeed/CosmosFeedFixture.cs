using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Cosmos;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>
/// The SDK's change feed processor on a fresh database of the local Cosmos protocol server. A reopen is a new
/// client and store on the same database, as a restarted process would have; progress lives in the lease container.
/// </summary>
public sealed class CosmosFeedFixture : FeedFixture
{
    private readonly CosmosStoreOptions options;
    private CosmosDocumentStore store;

    public CosmosFeedFixture(CosmosServerFixture server)
    {
        options = server.Options("feed" + Guid.NewGuid().ToString("N"));
        store = new CosmosDocumentStore(options, Clock);
    }

    public override IDocumentStore Store => store;

    public override ChangeFeedOrder Order => ChangeFeedOrder.LatestVersions;

    // The SDK waits in real time between reads of a caught-up feed; short so tests do not idle.
    public override ChangeFeedOptions Options { get; } = OptionsWith(TimeSpan.FromMilliseconds(100));

    public override IChangeFeedProcessor Processor(params IChangeHandler[] handlers) =>
        new CosmosChangeFeedProcessor(store, handlers, new ChangeDelivery(Parked, Options, Clock), Options, options, Faults);

    public override Task ReopenAsync()
    {
        store.Dispose();
        store = new CosmosDocumentStore(options, Clock);
        return Task.CompletedTask;
    }

    /// <summary>The handler's leases are named after it (the processor name is their prefix).</summary>
    public override async Task ForgetProgressAsync(string handler)
    {
        using var client = CosmosDocumentStore.CreateClient(options);
        var leases = client.GetContainer(options.Database, options.LeasesContainer);
        using var iterator = leases.GetItemQueryStreamIterator("SELECT c.id FROM c");
        while (iterator.HasMoreResults)
        {
            using var page = await iterator.ReadNextAsync();
            var body = await JsonNode.ParseAsync(page.Content);
            foreach (var id in body!["Documents"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).Where(id => id.StartsWith(handler, StringComparison.Ordinal)))
            {
                using var deleted = await leases.DeleteItemStreamAsync(id, new PartitionKey(id));
                Assert.True(deleted.IsSuccessStatusCode, $"Deleting lease {id}: {deleted.StatusCode}");
            }
        }
    }

    // The SDK checkpoints a lease after the batch returns; a few poll intervals is ample on loopback.
    public override Task SettleAsync() => Task.Delay(TimeSpan.FromMilliseconds(600));

    public override ValueTask DisposeAsync()
    {
        store.Dispose();
        return ValueTask.CompletedTask;
    }
}
