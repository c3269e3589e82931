using Voucherify.Functions.Tests.Support;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Functions.Tests.Redemptions;

/// <summary>Every test of <see cref="RedemptionRaceTests"/> on Cosmos DB: the dev host on a local Cosmos protocol server the class starts.</summary>
public sealed class CosmosRedemptionRaceTests(CosmosServerFixture server) : RedemptionRaceTests, IClassFixture<CosmosServerFixture>
{
    protected override IDictionary<string, string>? HostSettings => ServiceHost.CosmosSettings(server.ConnectionString);
}
