using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// Reads the documents under the keys the customer and catalog capabilities store them by: a point read by id, or by
/// source id through <see cref="SourceIdLookup"/>. Bodies come as the store's shared trees, parsed once per stored version.
/// </summary>
public sealed class StoreEligibilityData(IDocumentStore store, SourceIdLookup sources) : IEligibilityData
{
    public ValueTask<JsonObject?> CustomerAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(CustomerKeys.Sourced, project, id, sourceId, cancellationToken);

    public ValueTask<JsonObject?> ProductAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(ProductKeys.Sourced, project, id, sourceId, cancellationToken);

    public ValueTask<JsonObject?> SkuAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(SkuKeys.Sourced, project, id, sourceId, cancellationToken);

    public async ValueTask<JsonObject?> CollectionAsync(Project project, string id, CancellationToken cancellationToken) =>
        (await store.GetAsync(Collections.ProductCollectionKeys.For(project, id), cancellationToken))?.ReadSharedTree();

    private async ValueTask<JsonObject?> ReadAsync(SourcedKind kind, Project project, string? id, string? sourceId, CancellationToken cancellationToken)
    {
        if (id is not null && await store.GetAsync(kind.For(project, id), cancellationToken) is { } found)
        {
            return found.ReadSharedTree();
        }

        return sourceId is null ? null : (await sources.FindAsync(project, kind, sourceId, cancellationToken))?.ReadSharedTree();
    }
}
