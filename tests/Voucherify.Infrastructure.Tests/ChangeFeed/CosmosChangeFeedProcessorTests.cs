using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>The change feed contract on Cosmos DB: the SDK's change feed processor against the local protocol server.</summary>
public sealed class CosmosChangeFeedProcessorTests(CosmosServerFixture server) : ChangeFeedProcessorContract, IClassFixture<CosmosServerFixture>
{
    protected override FeedFixture CreateFeed() => new CosmosFeedFixture(server);
}
