using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Lists;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Collections;

/// <summary>/v1/product-collections: create, read, delete, list, and the products a collection holds.</summary>
public sealed class ProductCollectionService(IDocumentStore store, TimeProvider clock)
{
    public async Task<ProductCollection> CreateAsync(Project project, ProductCollectionRequest request, CancellationToken cancellationToken)
    {
        var collection = new ProductCollection
        {
            Id = IdGenerator.New(ProductCollectionKeys.Prefix, 24),
            Name = string.IsNullOrWhiteSpace(request.Name) ? throw Problems.InvalidPayload("name is required.") : request.Name,
            Type = request.Type ?? ProductCollection.Static,
            Filter = request.Type == ProductCollection.AutoUpdate ? request.Filter : null,
            Products = request.Type == ProductCollection.AutoUpdate ? null : request.Products ?? [],
            CreatedAt = clock.GetUtcNow(),
        };
        if (collection.Type is not (ProductCollection.Static or ProductCollection.AutoUpdate))
        {
            throw Problems.InvalidPayload("type must be STATIC or AUTO_UPDATE.");
        }

        if (collection.Products?.FirstOrDefault(m => m.Object is not ("product" or "sku") || string.IsNullOrEmpty(m.Id)) is { } bad)
        {
            throw Problems.InvalidPayload($"products entries need an id and object product or sku (got {bad.Object} {bad.Id}).");
        }

        _ = new CollectionMembership(collection);
        var stored = await store.CreateAsync(new NewDocument(ProductCollectionKeys.For(project, collection.Id), DocumentJson.ToBody(collection)), cancellationToken);
        return stored.Read<ProductCollection>();
    }

    public async Task<ProductCollection> GetAsync(Project project, string id, CancellationToken cancellationToken) =>
        (await store.GetAsync(ProductCollectionKeys.For(project, id), cancellationToken) ?? throw Problems.NotFound("products_collection", id)).Read<ProductCollection>();

    public async Task DeleteAsync(Project project, string id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(ProductCollectionKeys.For(project, id), null, cancellationToken))
        {
            throw Problems.NotFound("products_collection", id);
        }
    }

    public Task<PagedResult<ProductCollection>> ListAsync(Project project, Paging paging, string order, CancellationToken cancellationToken) =>
        PageReader.ReadAsync<ProductCollection>(store, new DocumentQuery(project.Id, ProductCollectionKeys.Kind) { Descending = SortOrder.Parse(order, SortOrder.CreatedAtOnly).Descending }, paging, cancellationToken);

    /// <summary>
    /// A STATIC collection's listed products and SKUs as stored; an AUTO_UPDATE one's filter run over every product.
    /// The filter is the rule engine's condition evaluator, so membership here and in rules is one decision.
    /// </summary>
    public async Task<PagedResult<JsonObject>> ProductsAsync(Project project, string id, Paging paging, CancellationToken cancellationToken)
    {
        var collection = await GetAsync(project, id, cancellationToken);
        var membership = new CollectionMembership(collection);
        var members = new List<JsonObject>();
        if (collection.Type == ProductCollection.AutoUpdate)
        {
            await foreach (var product in store.ScanAsync(new DocumentQuery(project.Id, ProductKeys.Kind) { PageSize = 200 }, cancellationToken))
            {
                if (membership.Contains(product.Key.Id, null, product.Body))
                {
                    members.Add(product.Body);
                }
            }
        }
        else
        {
            foreach (var member in collection.Products ?? [])
            {
                var key = member.Object == "sku" ? SkuKeys.For(project, member.Id) : ProductKeys.For(project, member.Id);
                if (await store.GetAsync(key, cancellationToken) is { } document)
                {
                    members.Add(document.Body);
                }
            }
        }

        return new PagedResult<JsonObject>([.. members.Skip((paging.Page - 1) * paging.Limit).Take(paging.Limit)], members.Count);
    }
}
