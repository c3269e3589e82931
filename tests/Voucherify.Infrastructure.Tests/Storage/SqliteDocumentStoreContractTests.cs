using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a temporary folder, plus what only SQLite promises.</summary>
public sealed partial class SqliteDocumentStoreContractTests : DocumentStoreContract
{
    private readonly TemporaryFolder folder = new();

    protected override Task<IDocumentStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }

    // Integers beyond 2^53 are exact here but not in the contract: Cosmos DB stores numbers as IEEE doubles,
    // and no counter, balance or limit the API keeps comes anywhere near 2^53.
    [Fact]
    public async Task Bodies_keep_integers_beyond_two_to_the_53_exact()
    {
        const string body = """{"big":9223372036854775807,"small":-9223372036854775808}""";
        await CreateAsync("v1", body);

        AssertBody(body, (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Patch_increment_keeps_large_integers_exact()
    {
        await CreateAsync("v1", """{"n":9007199254740993}""");

        var result = await Store.PatchAsync(Key("v1"), [PatchOperation.Increment("n", 2)]);

        Assert.Equal(9007199254740995L, result.Document!.Body["n"]!.GetValue<long>());
    }
}
