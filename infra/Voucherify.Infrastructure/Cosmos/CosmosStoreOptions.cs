namespace Voucherify.Infrastructure.Cosmos;

/// <summary>Where the Cosmos DB store lives and how the client reaches it.</summary>
public sealed record CosmosStoreOptions(string ConnectionString, string Database)
{
    /// <summary>Holds every document of every project and kind, partitioned by "/pk" = project|kind|partition key.</summary>
    public string DocumentsContainer { get; init; } = "documents";

    /// <summary>The ordered change log ReadChangesAsync serves; one logical partition.</summary>
    public string ChangesContainer { get; init; } = "changes";

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
    /// How long the change reader waits for a sequence number that was taken but never written
    /// (its writer crashed between taking it and logging the write) before skipping it.
    /// </summary>
    public TimeSpan ChangeGapGrace { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seconds change-log entries live (Cosmos TTL); consumers must read within this window.</summary>
    public int ChangeLogTimeToLiveSeconds { get; init; } = 7 * 24 * 3600;
}
