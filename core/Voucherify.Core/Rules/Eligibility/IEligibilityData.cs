using System.Text.Json.Nodes;
using Voucherify.Core.Projects;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// The stored objects rules read: customers, products, SKUs (as GET returns them) and product collections, each by id
/// or by source id. A port, so the engine does not depend on how the catalog and customers are written. The objects
/// returned may be shared with other requests: callers only read them.
/// </summary>
public interface IEligibilityData
{
    ValueTask<JsonObject?> CustomerAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken);

    ValueTask<JsonObject?> ProductAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken);

    ValueTask<JsonObject?> SkuAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken);

    ValueTask<JsonObject?> CollectionAsync(Project project, string id, CancellationToken cancellationToken);
}
