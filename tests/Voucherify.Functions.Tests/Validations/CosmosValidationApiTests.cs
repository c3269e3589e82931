using Voucherify.Functions.Tests.Support;
using Voucherify.Infrastructure.Tests.Storage;

namespace Voucherify.Functions.Tests.Validations;

/// <summary>Every test of <see cref="ValidationApiTests"/> on Cosmos DB: the dev host on a local Cosmos protocol server the class starts.</summary>
public sealed class CosmosValidationApiTests(CosmosServerFixture server) : ValidationApiTests, IClassFixture<CosmosServerFixture>
{
    protected override IDictionary<string, string>? HostSettings => ServiceHost.CosmosSettings(server.ConnectionString);
}
