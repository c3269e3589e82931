using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteDocumentStoreContractTests : DocumentStoreContract
{
    private readonly TemporaryFolder folder = new();

    protected override Task<IDocumentStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }
}
