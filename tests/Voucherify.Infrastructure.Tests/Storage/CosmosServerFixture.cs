using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;
using Voucherify.Functions.Tests.EndToEnd;
using Voucherify.Infrastructure.Cosmos;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// Starts tests/cosmos-server/server.mjs (@vercel/cosmosdb-server in memory over plain HTTP, plus our
/// change feed with logical sequence numbers) on a free loopback port for one test
/// class, installing it with npm ci first when tests/cosmos-server has no node_modules, and stops
/// it afterwards. One client is shared, as the SDK recommends; each test gets its own database.
/// </summary>
public sealed partial class CosmosServerFixture : IAsyncLifetime
{
    // The Cosmos DB emulator's published, well-known key: the local server accepts any key, the SDK wants a base64 one.
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    // Short, so a request the server never answers fails its test quickly instead of stalling the whole run.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private ChildProcess? server;
    private CosmosClient? client;

    public string ConnectionString { get; private set; } = string.Empty;

    public CosmosClient Client => client ?? throw new InvalidOperationException("The server is started in InitializeAsync.");

    /// <summary>Leases are looked for every second (not 17 s), so a processor started after another stopped takes over at once.</summary>
    public CosmosStoreOptions Options(string database) => new(ConnectionString, database)
    {
        TestServerCompatibility = true,
        RequestTimeout = RequestTimeout,
        LeaseAcquireInterval = TimeSpan.FromSeconds(1),
        LeaseRenewInterval = TimeSpan.FromSeconds(2),
        LeaseExpirationInterval = TimeSpan.FromSeconds(15),
    };

    public async Task InitializeAsync()
    {
        var package = RepositoryFolder.Combine("tests", "cosmos-server");
        await NpmPackage.EnsureInstalledAsync(package, Path.Combine("@vercel", "cosmosdb-server"));

        // Port 0: the server takes a port the kernel gives it and prints it. A port picked here and handed over would be
        // free only until then: another test's host binding port 0 meanwhile could take it, the server would fail to
        // listen, and this fixture would talk to that host instead (every test of a class failed with its 401).
        server = ChildProcess.Start("node", ["server.mjs", "--host", "127.0.0.1", "--port", "0"], package);
        var port = await server.WaitForLineAsync(ListeningLine(), StartLimit)
            ?? throw new InvalidOperationException($"The Cosmos test server did not start:{Environment.NewLine}{server.Output}");
        ConnectionString = $"AccountEndpoint=http://127.0.0.1:{port}/;AccountKey={EmulatorKey}";
        client = CosmosDocumentStore.CreateClient(Options("unused"));
    }

    public Task DisposeAsync()
    {
        client?.Dispose();
        server?.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"Ready to accept HTTP connections at [^\s]+:(\d+)")]
    private static partial Regex ListeningLine();
}
