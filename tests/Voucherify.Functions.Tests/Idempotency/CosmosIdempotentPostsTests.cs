using Voucherify.Functions.Tests.Support;
using Voucherify.Infrastructure.Tests.Storage;
using Xunit.Abstractions;

namespace Voucherify.Functions.Tests.Idempotency;

/// <summary>Every test of <see cref="IdempotentPostsTests"/> on Cosmos DB: the dev host on a local Cosmos protocol server the class starts.</summary>
public sealed class CosmosIdempotentPostsTests(CosmosServerFixture server, ITestOutputHelper output) : IdempotentPostsTests(output), IClassFixture<CosmosServerFixture>
{
    protected override IDictionary<string, string>? HostSettings => ServiceHost.CosmosSettings(server.ConnectionString);
}
