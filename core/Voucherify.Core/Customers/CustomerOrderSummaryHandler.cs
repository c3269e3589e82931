using System.Text.Json.Nodes;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Orders;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.orders</c> of every customer an order names, counting each order by its latest version: the
/// order's previous contribution is replaced by the new one in the running totals, so a change costs the same however
/// many orders the customer has. A redelivered or older version changes nothing, and a feed that folds versions
/// (Cosmos DB) still ends at the latest. Its own handler (and checkpoint) rather than part of
/// <see cref="CustomerSummaryHandler"/>, so orders written before it existed are counted from the start of the feed.
/// Where the previous contribution comes from depends on the feed (<see cref="ChangeFeedOrder"/>). On a feed of every
/// version in one order whose log keeps them (SQLite), the summary keeps the last sequence it applied, and what it holds
/// for an order is what the order's last version before the first one not applied yet adds (one naming the customer,
/// not parked): the batch's own, else the log's.
/// Otherwise a tally document per order keeps the version applied, and the summary the last versions it applied (a
/// crash between the two writes leaves the tally behind).
/// </summary>
public sealed class CustomerOrderSummaryHandler(IDocumentStore store, ChangeFeedOrder? order = null) : IBatchChangeHandler
{
    public const string HandlerName = "customer-order-summary";

    private readonly IVersionLog? log = (order ?? ChangeFeedOrder.LatestVersions).Log;

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == OrderKeys.Kind;

    public Task HandleAsync(DocumentChange change, CancellationToken cancellationToken) => HandleBatchAsync([change], cancellationToken);

    /// <summary>
    /// Per customer in the batch one summary read and write. In order, nothing more unless an order's version before the
    /// batch is needed (a read of the log) or the last order stopped counting (a query of the customer's orders). By id,
    /// plus a tally query, one more query when the last order stopped counting, then the tallies of the orders whose
    /// contribution changed, new ones in one batch; tallies are written after the summary, and the applied versions the
    /// summary keeps are how the redelivered changes after a crash in between count nothing twice and write them.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        // A deleted order keeps its contribution, as deleted redemption records keep theirs.
        var customers = changes
            .Select(change => (Change: change, Order: OrderContribution.Of(change)))
            .Where(item => item.Order is not null)
            .GroupBy(item => (item.Change.Key.ProjectId, item.Order!.CustomerId), item => new OrderVersion(item.Change, item.Order!))
            .Select(customer => (Project: customer.Key.ProjectId, customer.Key.CustomerId, Versions: customer.ToList()));
        if (log is not null)
        {
            foreach (var (project, customerId, versions) in customers)
            {
                await ApplyInOrderAsync(log, project, customerId, versions, cancellationToken);
            }

            return;
        }

        var tallies = new List<OrderTallyWrite>();
        foreach (var (project, customerId, versions) in customers)
        {
            tallies.AddRange(await ApplyCustomerAsync(project, customerId, versions.Select(version => version.Order).ToList(), cancellationToken));
        }

        await CustomerOrderTallies.WriteAsync(store, tallies, cancellationToken);
    }

    private async Task ApplyInOrderAsync(IVersionLog versionLog, string project, string customerId, List<OrderVersion> versions, CancellationToken cancellationToken)
    {
        var orders = versions.GroupBy(version => version.Order.OrderId, StringComparer.Ordinal).Select(order => order.OrderBy(version => version.Order.Sequence).ToList()).ToList();
        await CustomerSummaryWriter.ApplyAsync(
            store,
            CustomerSummaryKeys.For(project, customerId),
            () => CustomerSummaryDocument.New(customerId, customerId, null, inOrder: true),
            async current =>
            {
                var through = CustomerOrderSummary.AppliedThrough(current);
                var changed = await Task.WhenAll(orders
                    .Where(order => order[^1].Order.Sequence > through)
                    .Select(order => ChangeInOrderAsync(versionLog, customerId, order, through, cancellationToken)));
                var appliedNow = new List<OrderContribution>();
                var findLast = false;
                foreach (var (previous, next) in changed.Where(change => !change.Next.AddsTheSameAs(change.Previous)))
                {
                    findLast |= CustomerOrderSummary.Apply(current, previous, next);
                    appliedNow.Add(next);
                }

                if (appliedNow.Count == 0)
                {
                    return null;
                }

                CustomerOrderSummary.MarkApplied(current, appliedNow);
                if (findLast)
                {
                    CustomerOrderSummary.SetLast(current, await LastCountingOrderAsync(project, customerId, cancellationToken));
                }

                return current;
            },
            cancellationToken);
    }

    /// <summary>
    /// What the summary holds for the order (<paramref name="versions"/>: its versions in the batch, in order, the last
    /// one not applied yet) and what its latest version adds. Every version at or below <paramref name="through"/> was
    /// applied, and every one before the batch was (the batch starts at the checkpoint), except those the feed parked
    /// for this handler, so the summary holds the last version before the first one not applied that names this
    /// customer and was not parked: the batch's, else the log's. An order's creation has none before it (the service
    /// never deletes orders; one deleted and created again would count anew, beside the contribution a deleted order
    /// keeps).
    /// </summary>
    private async Task<(OrderContribution? Previous, OrderContribution Next)> ChangeInOrderAsync(
        IVersionLog versionLog, string customerId, List<OrderVersion> versions, long through, CancellationToken cancellationToken)
    {
        var next = versions[^1].Order;
        foreach (var applied in versions.Where(version => version.Order.Sequence <= through).Reverse())
        {
            if (await HeldAsync(applied.Change) is { } contribution)
            {
                return (contribution, next);
            }
        }

        var first = versions[0];
        if (first.Change.Change == ChangeKind.Created)
        {
            return (null, next);
        }

        foreach (var earlier in await versionLog.VersionsBeforeAsync(first.Change.Key, first.Order.Sequence, cancellationToken))
        {
            if (await HeldAsync(earlier) is { } contribution)
            {
                return (contribution, next);
            }
        }

        return (null, next);

        // What the summary holds for the order if this earlier version was applied: it names the customer and was not
        // parked. Parked first: a version parked because it could not be read must not be read again here.
        async Task<OrderContribution?> HeldAsync(DocumentChange earlier) =>
            !await ParkedChanges.HoldsAsync(store, HandlerName, earlier, cancellationToken)
            && OrderContribution.Of(earlier) is { } contribution && contribution.CustomerId == customerId
                ? contribution
                : null;
    }

    /// <summary>
    /// The customer's counting order created last, from the orders themselves (ordered by creation in the store's index of
    /// a customer's documents): on a feed in order no tally keeps what was applied. An order may be ahead of what the
    /// feed applied so far; its later versions, applied in turn, bring the summary to the same place.
    /// </summary>
    private async Task<OrderContribution?> LastCountingOrderAsync(string project, string customerId, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(project, OrderKeys.Kind)
        {
            Where = OrderContribution.CountingOrdersOf(customerId),
            Descending = true,
            PageSize = 1,
        };
        var page = await store.QueryAsync(query, cancellationToken);
        return page.Items.Select(OrderContribution.Of).FirstOrDefault();
    }

    /// <returns>The tallies to write once the summary is written.</returns>
    private async Task<List<OrderTallyWrite>> ApplyCustomerAsync(string project, string customerId, List<OrderContribution> versions, CancellationToken cancellationToken)
    {
        // Of an order's versions in the batch only the latest matters.
        var tallies = new List<OrderTallyWrite>();
        var orders = versions.GroupBy(order => order.OrderId, StringComparer.Ordinal).Select(order => order.MaxBy(version => version.Sequence)!).ToList();
        await CustomerSummaryWriter.ApplyAsync(
            store,
            CustomerSummaryKeys.For(project, customerId),
            () => CustomerSummaryDocument.New(customerId, customerId, null, inOrder: false),
            async current =>
            {
                var stored = await CustomerOrderTallies.ReadAsync(store, project, customerId, orders.Select(order => order.OrderId).ToList(), cancellationToken);
                var applied = CustomerOrderSummary.Applied(current, customerId);
                var (next, written) = await ApplyOrdersAsync(current, project, customerId, orders, stored, applied, cancellationToken);
                tallies = written;
                return next;
            },
            cancellationToken);
        return tallies;
    }

    /// <param name="applied">The versions the summary applied that the tallies may not show yet, by order id.</param>
    /// <returns>The next summary (null: nothing changed) and the tallies behind what it says.</returns>
    private async Task<(JsonObject? Summary, List<OrderTallyWrite> Tallies)> ApplyOrdersAsync(
        JsonObject summary,
        string project,
        string customerId,
        List<OrderContribution> orders,
        Dictionary<string, OrderContribution> stored,
        Dictionary<string, OrderContribution> applied,
        CancellationToken cancellationToken)
    {
        var appliedNow = new List<OrderContribution>();
        var findLast = false;
        foreach (var order in orders)
        {
            var previous = OrderContribution.Later(stored.GetValueOrDefault(order.OrderId), applied.GetValueOrDefault(order.OrderId));
            if ((previous is null || order.Sequence > previous.Sequence) && !order.AddsTheSameAs(previous))
            {
                findLast |= CustomerOrderSummary.Apply(summary, previous, order);
                applied[order.OrderId] = order;
                appliedNow.Add(order);
            }
        }

        CustomerOrderSummary.Remember(summary, appliedNow);
        if (findLast)
        {
            var last = await CustomerOrderTallies.LastCountingAsync(store, project, customerId, applied, cancellationToken);
            var newLast = applied.Values.Where(order => order.Counts).Aggregate(last, (best, order) => best is null || order.CreatedAfter(best) ? order : best);
            CustomerOrderSummary.SetLast(summary, newLast);
        }

        // A tally behind the version applied (written now, or by a run that crashed before its tally writes).
        var tallies = orders
            .Select(order => applied.GetValueOrDefault(order.OrderId))
            .Where(latest => latest is not null && (stored.GetValueOrDefault(latest.OrderId) is not { } tally || tally.Sequence < latest.Sequence))
            .Select(latest => new OrderTallyWrite(CustomerOrderTallyKeys.For(project, customerId, latest!.OrderId), latest, stored.ContainsKey(latest.OrderId)))
            .ToList();
        return (appliedNow.Count > 0 ? summary : null, tallies);
    }
}
