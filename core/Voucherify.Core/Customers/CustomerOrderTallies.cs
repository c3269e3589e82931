using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// The tally documents of one customer's orders (<see cref="CustomerOrderTallyKeys"/>): what the summary last
/// applied per order, on a feed that keeps no versions to read them from (Cosmos DB's). Written after the summary, so
/// one may lag what the summary's <c>applied_orders</c> says; the later by sequence of the two is the order's state.
/// </summary>
public static class CustomerOrderTallies
{
    private const int LastOrderPageSize = 20;

    /// <summary>
    /// The tallies of the given orders, by order id: point reads by key. (A query on the body's id cannot use the key,
    /// and on SQLite walked every tally of the customer, so a busy customer cost more with every order.)
    /// </summary>
    public static async Task<Dictionary<string, OrderContribution>> ReadAsync(IDocumentStore store, string projectId, string customerKey, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(orderIds.Select(id => store.GetAsync(CustomerOrderTallyKeys.For(projectId, customerKey, id), cancellationToken).AsTask()));
        return read
            .OfType<StoredDocument>()
            .ToDictionary(tally => tally.Key.Id, tally => OrderContribution.FromJson(tally.Body, customerKey), StringComparer.Ordinal);
    }

    /// <summary>
    /// The counting order created last among the customer's tallies, skipping those a later applied version
    /// overrides (the caller weighs the applied versions themselves). Usually the first row of the first page: only
    /// tallies a crash left behind their applied version are passed over.
    /// </summary>
    public static async Task<OrderContribution?> LastCountingAsync(IDocumentStore store, string projectId, string customerKey, IReadOnlyDictionary<string, OrderContribution> applied, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(projectId, CustomerOrderTallyKeys.Kind)
        {
            PartitionKey = customerKey,
            // Every tally's order date is a string (the store stamps every order's created_at); saying so lets a store
            // sort by an index of strings (SQLite's lookup column) instead of reading every tally of the customer.
            Where = [Condition.Eq(OrderContribution.CountsPath, true), Condition.GreaterOrEq(OrderContribution.CreatedAtPath, string.Empty)],
            OrderBy = OrderContribution.CreatedAtPath,
            Descending = true,
            PageSize = LastOrderPageSize,
        };
        await foreach (var document in store.ScanAsync(query, cancellationToken))
        {
            var tally = OrderContribution.FromJson(document.Body, customerKey);
            if (!applied.TryGetValue(tally.OrderId, out var newer) || newer.Sequence <= tally.Sequence)
            {
                return tally;
            }
        }

        return null;
    }

    /// <summary>
    /// Writes each tally unless the store holds a later version of its order already (another instance got there
    /// first): new ones in one batch, the others by a patch guarded on the sequence. Tallies are never deleted, so one
    /// read or found taken is there to patch.
    /// </summary>
    public static async Task WriteAsync(IDocumentStore store, IReadOnlyList<OrderTallyWrite> tallies, CancellationToken cancellationToken)
    {
        var created = tallies.Where(t => !t.Exists).ToList();
        var taken = created.Count == 0 ? [] : await store.CreateManyAsync(created.Select(t => new NewDocument(t.Key, t.Tally.ToJson())).ToList(), cancellationToken);

        // All at once rather than one after another: a store that commits queued writes together (SQLite) then
        // writes them in one transaction instead of one each.
        await Task.WhenAll(tallies.Where(t => t.Exists).Concat(created.Where((_, i) => !taken[i])).Select(write =>
        {
            var operations = write.Tally.ToJson().Where(p => p.Key != "id").Select(p => PatchOperation.Set(p.Key, p.Value?.DeepClone())).ToList();
            return store.PatchAsync(write.Key, operations, [Condition.Less("sequence", write.Tally.Sequence)], cancellationToken);
        }));
    }
}
