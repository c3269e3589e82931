using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// Reads the documents under the keys the customer and catalog capabilities store them by: a point read by id, or two
/// through the source-id alias. Bodies come as the store's shared trees, parsed once per stored version.
/// </summary>
public sealed class StoreEligibilityData(IDocumentStore store) : IEligibilityData
{
    public ValueTask<JsonObject?> CustomerAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(id is null ? null : CustomerKeys.For(project, id), sourceId is null ? null : CustomerKeys.ForSource(project, sourceId), CustomerKeys.For, project, cancellationToken);

    public ValueTask<JsonObject?> ProductAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(id is null ? null : ProductKeys.For(project, id), sourceId is null ? null : ProductKeys.ForSource(project, sourceId), ProductKeys.For, project, cancellationToken);

    public ValueTask<JsonObject?> SkuAsync(Project project, string? id, string? sourceId, CancellationToken cancellationToken) =>
        ReadAsync(id is null ? null : SkuKeys.For(project, id), sourceId is null ? null : SkuKeys.ForSource(project, sourceId), SkuKeys.For, project, cancellationToken);

    public async ValueTask<JsonObject?> CollectionAsync(Project project, string id, CancellationToken cancellationToken) =>
        (await store.GetAsync(Collections.ProductCollectionKeys.For(project, id), cancellationToken))?.ReadSharedTree();

    private async ValueTask<JsonObject?> ReadAsync(DocumentKey? byId, DocumentKey? bySource, Func<Project, string, DocumentKey> keyFor, Project project, CancellationToken cancellationToken)
    {
        if (byId is { } key && await store.GetAsync(key, cancellationToken) is { } found)
        {
            return found.ReadSharedTree();
        }

        if (bySource is not { } alias || await store.GetAsync(alias, cancellationToken) is not { } source
            || source.ReadSharedTree()["id"] is not JsonValue value || !value.TryGetValue<string>(out var id))
        {
            return null;
        }

        return (await store.GetAsync(keyFor(project, id), cancellationToken))?.ReadSharedTree();
    }
}
