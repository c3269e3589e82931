using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Cosmos;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// The store contract on Cosmos DB, spoken to by the real SDK against the local protocol server; a database per test.
/// </summary>
public sealed class CosmosDocumentStoreContractTests(CosmosServerFixture server) : DocumentStoreContract, IClassFixture<CosmosServerFixture>
{
    protected override Task<IDocumentStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IDocumentStore>(new CosmosDocumentStore(server.Options("db" + Guid.NewGuid().ToString("N")), clock, server.Client));
}
