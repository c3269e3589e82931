using System.Text.Json.Nodes;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Orders;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.orders</c> of every customer an order names, counting each order by its latest version: the
/// order's previous contribution (the later of its tally document and its entry in the summary's applied versions)
/// is replaced by the new one in the running totals, so a change costs the same however many orders the customer
/// has. A redelivered or older version changes nothing, and a feed that folds versions (Cosmos DB) still ends at the
/// latest. Its own handler (and checkpoint) rather than part of <see cref="CustomerSummaryHandler"/>, so orders
/// written before it existed are counted from the start of the feed. What the summary applied but its tallies may not
/// show yet (a crash between the two writes) it knows from the last versions it applied, kept in the summary; on a feed
/// of every version in one order (<see cref="ChangeFeedOrder"/>) from the last sequence it applied instead: every
/// version of the batch at or below it was applied.
/// </summary>
public sealed class CustomerOrderSummaryHandler(IDocumentStore store, ChangeFeedOrder? order = null) : IBatchChangeHandler
{
    public const string HandlerName = "customer-order-summary";

    private readonly bool inOrder = (order ?? ChangeFeedOrder.LatestVersions).EveryVersionInOneOrder;

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == OrderKeys.Kind;

    public Task HandleAsync(DocumentChange change, CancellationToken cancellationToken) => HandleBatchAsync([change], cancellationToken);

    /// <summary>
    /// Per customer in the batch one summary read and write (plus a tally query, and one more query when the last
    /// order stopped counting); then the tallies of the orders whose contribution changed, new ones in one batch.
    /// Tallies are written after the summary: a crash in between leaves the applied versions in the summary, which
    /// the redelivered changes find, so they count nothing twice and write the missing tallies.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        // A deleted order keeps its contribution, as deleted redemption records keep theirs. Of an order's versions
        // in the batch only the latest matters.
        var customers = changes
            .Select(change => (Project: change.Key.ProjectId, Order: OrderContribution.Of(change)))
            .Where(item => item.Order is not null)
            .GroupBy(item => (item.Project, item.Order!.CustomerId), item => item.Order!)
            .Select(customer => (customer.Key.Project, customer.Key.CustomerId, Versions: customer.ToList()));
        var tallies = new List<OrderTallyWrite>();
        foreach (var (project, customerId, versions) in customers)
        {
            tallies.AddRange(await ApplyCustomerAsync(project, customerId, versions, cancellationToken));
        }

        await CustomerOrderTallies.WriteAsync(store, tallies, cancellationToken);
    }

    private static List<OrderContribution> Latest(IEnumerable<OrderContribution> versions) =>
        versions.GroupBy(order => order.OrderId, StringComparer.Ordinal).Select(order => order.MaxBy(version => version.Sequence)!).ToList();

    /// <returns>The tallies to write once the summary is written.</returns>
    private async Task<List<OrderTallyWrite>> ApplyCustomerAsync(string project, string customerId, List<OrderContribution> versions, CancellationToken cancellationToken)
    {
        var tallies = new List<OrderTallyWrite>();
        var orders = Latest(versions);
        await CustomerSummaryWriter.ApplyAsync(
            store,
            CustomerSummaryKeys.For(project, customerId),
            () => CustomerSummaryDocument.New(customerId, customerId, null, inOrder),
            async current =>
            {
                var stored = await CustomerOrderTallies.ReadAsync(store, project, customerId, orders.Select(order => order.OrderId).ToList(), cancellationToken);
                var through = CustomerOrderSummary.AppliedThrough(current);
                var applied = inOrder
                    ? Latest(versions.Where(version => version.Sequence <= through)).ToDictionary(version => version.OrderId, StringComparer.Ordinal)
                    : CustomerOrderSummary.Applied(current, customerId);
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

        if (inOrder)
        {
            CustomerOrderSummary.MarkApplied(summary, appliedNow);
        }
        else
        {
            CustomerOrderSummary.Remember(summary, appliedNow);
        }

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
