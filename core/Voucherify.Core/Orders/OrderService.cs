using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Lists;
using Voucherify.Core.Metadata;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Orders;

/// <summary>
/// Orders: upsert by id or source_id, read, update, list. Amounts follow the same normalisation as validate and
/// redeem (SEMANTICS R1.2-R1.4), with unpriced lines priced from the catalog. An embedded customer is upserted and
/// linked by customer_id. An update that sends neither items nor amount keeps the stored amounts (and the discounts a
/// redemption recorded); one that sends items without an amount recomputes the amount from them.
/// </summary>
public sealed class OrderService(IDocumentStore store, SourcedDocuments documents, OrderCatalog catalog, CustomerService customers, MetadataValidator metadata)
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
    };

    public async Task<StoredDocument> UpsertAsync(Project project, JsonObject raw, CancellationToken cancellationToken)
    {
        var request = WireBinding.Bind<OrderRequest>(raw);
        var change = await PrepareAsync(project, raw, request, cancellationToken);
        return await documents.UpsertAsync(project, OrderKeys.Sourced, request.Id, request.SourceId, current => Shape(current, raw, change), cancellationToken);
    }

    /// <summary>
    /// Like <see cref="UpsertAsync"/>, except that a new order named by neither id nor source_id is only prepared (checked,
    /// shaped and given its id), so the caller can create it in the same transaction as writes of its own.
    /// </summary>
    /// <returns>The stored order, or the create to commit.</returns>
    public async Task<(StoredDocument? Stored, NewDocument? Create)> UpsertOrPrepareAsync(Project project, JsonObject raw, CancellationToken cancellationToken)
    {
        var request = WireBinding.Bind<OrderRequest>(raw);
        var change = await PrepareAsync(project, raw, request, cancellationToken);
        if (!string.IsNullOrEmpty(request.Id) || !string.IsNullOrEmpty(request.SourceId))
        {
            return (await documents.UpsertAsync(project, OrderKeys.Sourced, request.Id, request.SourceId, current => Shape(current, raw, change), cancellationToken), null);
        }

        return (null, await documents.PrepareCreateAsync(project, OrderKeys.Sourced, Shape(null, raw, change), cancellationToken));
    }

    public async Task<JsonObject> UpdateAsync(Project project, string idOrSource, JsonObject raw, CancellationToken cancellationToken)
    {
        var request = WireBinding.Bind<OrderRequest>(raw);
        var change = await PrepareAsync(project, raw, request, cancellationToken);
        return (await documents.UpdateAsync(project, OrderKeys.Sourced, idOrSource, current => Shape(current, raw, change), cancellationToken)).Body;
    }

    public async Task<JsonObject> GetAsync(Project project, string idOrSource, CancellationToken cancellationToken) =>
        (await documents.GetAsync(project, OrderKeys.Sourced, idOrSource, cancellationToken)).Body;

    public async Task<JsonObject> ListAsync(Project project, Paging paging, string order, CancellationToken cancellationToken)
    {
        var sort = SortOrder.Parse(order, SortFields);
        var query = new DocumentQuery(project.Id, OrderKeys.Kind) { OrderBy = sort.Path, Descending = sort.Descending };
        var page = await PageReader.ReadAsync<JsonObject>(store, query, paging, cancellationToken);
        return WireList.Of("orders", page.Items, page.Total);
    }

    /// <summary>Everything that reads the store or may refuse the body, done before the write: status, item metadata, catalog prices, the customer.</summary>
    private async Task<OrderChange> PrepareAsync(Project project, JsonObject raw, OrderRequest request, CancellationToken cancellationToken)
    {
        if (request.Status is { } status && !OrderStatuses.All.Contains(status))
        {
            throw Problems.InvalidPayload($"status must be one of {string.Join(", ", OrderStatuses.All)}, got '{status}'.");
        }

        var items = request.Items ?? [];
        await metadata.CheckAllAsync(project, "order_item", [.. items.Select(i => (JsonNode?)i?.Metadata)], cancellationToken);
        var lookup = await catalog.LoadAsync(project, items, cancellationToken);
        var recalculated = raw.ContainsKey("items") || raw.ContainsKey("amount") ? OrderCalculated.From(request, lookup) : null;
        var customerId = raw["customer"] is JsonObject customer
            ? (await customers.UpsertAsync(project, customer, cancellationToken)).Key.Id
            : request.CustomerId;
        return new OrderChange(recalculated, customerId, request.ReferrerId);
    }

    private static JsonObject Shape(JsonObject? current, JsonObject raw, OrderChange change)
    {
        var next = current ?? DocumentJson.ToBody(OrderCalculated.From(new OrderRequest()));
        if (change.Calculated is { } calculated)
        {
            var body = DocumentJson.ToBody(calculated);
            // A field the new calculation leaves out is left out of the order too, not kept as a stored null.
            foreach (var name in new[] { "amount", "initial_amount", "discount_amount", "items_discount_amount", "total_discount_amount", "total_amount", "items" })
            {
                if (body[name] is { } value)
                {
                    next[name] = value.DeepClone();
                }
                else
                {
                    next.Remove(name);
                }
            }
        }

        if (raw.ContainsKey("metadata"))
        {
            next["metadata"] = raw["metadata"]?.DeepClone();
        }

        if (raw["status"] is JsonValue status)
        {
            next["status"] = status.DeepClone();
        }

        if (change.CustomerId is { } customerId)
        {
            next["customer_id"] = customerId;
            next["customer"] = new JsonObject { ["id"] = customerId, ["object"] = "customer" };
        }

        if (change.ReferrerId is { } referrerId)
        {
            next["referrer_id"] = referrerId;
        }

        next["status"] ??= OrderStatuses.Created;
        next["metadata"] ??= new JsonObject();
        next["redemptions"] ??= new JsonObject();
        next.Remove("object");
        next["object"] = "order";
        return next;
    }
}
