using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Orders;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.orders</c> of every customer an order names, counting each order by its latest state: the
/// summary remembers per order the version it last applied and what that version contributes, so a status change
/// replaces the order's contribution, a redelivered or older version changes nothing, and a feed that collapses
/// versions (Cosmos DB) still ends at the latest. Its own handler (and checkpoint) rather than part of
/// <see cref="CustomerSummaryHandler"/>, so orders written before it existed are counted from the start of the feed.
/// </summary>
public sealed class CustomerOrderSummaryHandler(IDocumentStore store) : IChangeHandler
{
    public const string HandlerName = "customer-order-summary";

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == OrderKeys.Kind;

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        // A deleted order keeps its contribution, as deleted redemption records keep theirs.
        if (OrderContribution.Of(change) is not { } order)
        {
            return;
        }

        await CustomerSummaryWriter.ApplyAsync(
            store,
            CustomerSummaryKeys.For(change.Key.ProjectId, order.CustomerId),
            () => CustomerSummaryDocument.New(order.CustomerId, order.CustomerId, null),
            current => CustomerSummaryDocument.ApplyOrder(current, order),
            cancellationToken);
    }
}
