namespace Voucherify.Infrastructure.Cosmos;

/// <summary>Where the Cosmos DB store lives and how the client reaches it.</summary>
public sealed record CosmosStoreOptions(string ConnectionString, string Database)
{
    /// <summary>Holds every document of every project and kind, partitioned by "/pk" = project|kind|partition key.</summary>
    public string DocumentsContainer { get; init; } = "documents";

    /// <summary>The change feed processor's leases (its checkpoints), partitioned by id.</summary>
    public string LeasesContainer { get; init; } = "leases";

    /// <summary>
    /// Only for the local protocol test server (@vercel/cosmosdb-server): routes requests through
    /// <see cref="CosmosTestServerHandler"/>. Never set against real Cosmos DB.
    /// </summary>
    public bool TestServerCompatibility { get; init; }

    /// <summary>
    /// How long one request to Cosmos DB may take before the client gives up; null keeps the SDK's default.
    /// Tests set it short, so a request the local server never answers fails the test instead of stalling the run.
    /// </summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>
    /// Seconds a deleted document's tombstone stays before Cosmos DB's TTL removes it. Handlers must have seen the
    /// delete by then; one that is further behind (stopped for longer) misses it.
    /// </summary>
    public int TombstoneTimeToLiveSeconds { get; init; } = 7 * 24 * 3600;

    /// <summary>How often a processor instance looks for leases to take over (the SDK's default is 17 s).</summary>
    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(17);

    /// <summary>How long a lease whose owner stopped renewing it (a crashed instance) stays owned (SDK default 60 s).</summary>
    public TimeSpan LeaseExpirationInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an owner renews its leases (SDK default 13 s); shorter than the expiration.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(13);
}
