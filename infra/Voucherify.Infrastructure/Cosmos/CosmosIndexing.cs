using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Indexing policies. Documents: every body path is range-indexed, because filters and sort keys
/// are arbitrary body paths chosen by the API (metadata filters, list orderings); the composite
/// indexes serve the default listing (created_at, then id, then partition key) in both directions,
/// which Cosmos DB needs for any ORDER BY on more than one path.
/// </summary>
internal static class CosmosIndexing
{
    public static IndexingPolicy Documents()
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        policy.IncludedPaths.Add(new IncludedPath { Path = "/*" });
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/\"_etag\"/?" });
        foreach (var timestamp in new[] { "/ca", "/ua" })
        {
            foreach (var order in new[] { CompositePathSortOrder.Ascending, CompositePathSortOrder.Descending })
            {
                policy.CompositeIndexes.Add(new Collection<CompositePath>
                {
                    new() { Path = timestamp, Order = order },
                    new() { Path = "/i", Order = order },
                    new() { Path = "/kp", Order = order },
                });
            }
        }

        return policy;
    }
}
