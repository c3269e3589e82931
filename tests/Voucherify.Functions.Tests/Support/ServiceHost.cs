using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.ChangeFeed;
using Voucherify.DevHost;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// The real dev host on Kestrel (loopback, a free port), on a fresh SQLite file (or a fresh Cosmos DB database,
/// see <see cref="CosmosSettings"/>), with a fake clock.
/// Tests talk to it over real HTTP exactly as a shop would.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    // The SQLite feed's loops on threads like the service's idle ones at the pool's priority: what the API shows once the
    // feed has caught up must not hang on the CPU the other tests leave over (the idle policy is tested in the
    // infrastructure's tests, the registration there too).
    private static readonly ChangeFeedThreads FeedThreads = new(IdleThreads.AtPoolPriority(2));

    public const string OtherProjectAppId = "other-app-id";
    public const string OtherProjectToken = "other-app-token";

    private readonly WebApplication app;
    private readonly string folder;

    private ServiceHost(WebApplication app, string folder, FakeTimeProvider clock)
    {
        this.app = app;
        this.folder = folder;
        Clock = clock;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Server = Client(DevDefaults.AppId, DevDefaults.AppToken, "X-App-Id", "X-App-Token");
        ClientSide = Client(DevDefaults.ClientId, DevDefaults.ClientToken, "X-Client-Application-Id", "X-Client-Token");
        OtherProject = Client(OtherProjectAppId, OtherProjectToken, "X-App-Id", "X-App-Token");
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Server keys of the dev project.</summary>
    public HttpClient Server { get; }

    /// <summary>Client-side keys of the dev project.</summary>
    public HttpClient ClientSide { get; }

    /// <summary>Server keys of a second project, to prove isolation.</summary>
    public HttpClient OtherProject { get; }

    public HttpClient Anonymous { get; }

    public string StorePath => Path.Combine(folder, "voucherify.db");

    /// <summary>
    /// Whether change handlers see every version of a document (SQLite's change log) or, on Cosmos DB's latest-version
    /// change feed, possibly only the latest of writes made between two reads of the feed.
    /// </summary>
    public bool FeedKeepsEveryVersion => Service<Voucherify.Core.ChangeFeed.ChangeFeedOrder>().EveryVersionInOneOrder;

    /// <param name="services">Changes to the host's services after its own (a test's view of the store).</param>
    public static async Task<ServiceHost> StartAsync(DateTimeOffset? now = null, IDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("voucherify-test-").FullName;
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Voucherify:SqlitePath={Path.Combine(folder, "voucherify.db")}",
        };
        args.AddRange(ProjectArgs());
        args.AddRange(StoreArgs());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        var app = DevHostApp.Build([.. args], registered =>
        {
            registered.AddSingleton<TimeProvider>(clock);
            registered.AddSingleton(FeedThreads);
            services?.Invoke(registered);
        });
        await app.StartAsync();
        return new ServiceHost(app, folder, clock);
    }

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Server.Dispose();
        ClientSide.Dispose();
        OtherProject.Dispose();
        Anonymous.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Settings that put a host on Cosmos DB: a fresh database on the local protocol server at
    /// <paramref name="connectionString"/> (tests/cosmos-server), polled often so change-feed effects show quickly.
    /// </summary>
    public static Dictionary<string, string> CosmosSettings(string connectionString) => new()
    {
        ["Voucherify:Store"] = "cosmos",
        ["Voucherify:CosmosConnectionString"] = connectionString,
        ["Voucherify:CosmosDatabase"] = $"api-{Guid.NewGuid():N}",
        ["Voucherify:CosmosTestServer"] = "true",
        ["Voucherify:ChangeFeed:PollInterval"] = "00:00:00.200",
    };

    /// <summary>
    /// The store every host of the run uses unless a test names one: SQLite, or Cosmos DB when VOUCHERIFY_TEST_COSMOS
    /// holds the connection string of a local Cosmos protocol server (the whole suite on Cosmos, docs/COSMOS.md).
    /// </summary>
    private static IEnumerable<string> StoreArgs()
    {
        var cosmos = Environment.GetEnvironmentVariable("VOUCHERIFY_TEST_COSMOS");
        return string.IsNullOrEmpty(cosmos) ? [] : CosmosSettings(cosmos).Select(setting => $"--{setting.Key}={setting.Value}");
    }

    private static IEnumerable<string> ProjectArgs() =>
    [
        $"--Voucherify:Projects:0:Id={DevDefaults.ProjectId}",
        "--Voucherify:Projects:0:Name=Development",
        "--Voucherify:Projects:0:TimeZone=UTC",
        $"--Voucherify:Projects:0:ServerKeys:0:AppId={DevDefaults.AppId}",
        $"--Voucherify:Projects:0:ServerKeys:0:Token={DevDefaults.AppToken}",
        $"--Voucherify:Projects:0:ClientKeys:0:AppId={DevDefaults.ClientId}",
        $"--Voucherify:Projects:0:ClientKeys:0:Token={DevDefaults.ClientToken}",
        "--Voucherify:Projects:1:Id=proj_other",
        "--Voucherify:Projects:1:Name=Other",
        "--Voucherify:Projects:1:TimeZone=Europe/Warsaw",
        $"--Voucherify:Projects:1:ServerKeys:0:AppId={OtherProjectAppId}",
        $"--Voucherify:Projects:1:ServerKeys:0:Token={OtherProjectToken}",
    ];

    private HttpClient Client(string id, string token, string idHeader, string tokenHeader)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(idHeader, id);
        client.DefaultRequestHeaders.Add(tokenHeader, token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
