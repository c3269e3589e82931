using System.Text.Json.Nodes;
using Voucherify.Core.Json;

namespace Voucherify.Core.Customers;

/// <summary>
/// <c>summary.orders</c> as running totals inside the customer summary document, changed by the difference between an
/// order's previous and new contribution, so a change costs the same however many orders the customer has. Beside
/// the contract's fields the document keeps <c>last_order</c> (the counting order created last) and what the handler
/// applied: on a feed of every version in one order the last sequence (<c>orders_applied_through</c>); otherwise
/// <c>applied_orders</c>, the last <see cref="RememberedOrders"/> versions applied, one per order, written in the same
/// etag-guarded write as the totals, beside tally documents (<see cref="CustomerOrderTallyKeys"/>) written after the
/// summary; an entry here covers a tally write lost to a crash until the change comes again.
/// </summary>
public static class CustomerOrderSummary
{
    /// <summary>
    /// At least the changes of one customer a crash can leave without their tally write: the batches in flight, one per
    /// feed lease of up to <see cref="ChangeFeed.ChangeFeedOptions.BatchSize"/> changes (500), which come again right
    /// after. One lease's batch always fits; a customer whose orders fill the batches of several leases at the moment of a
    /// crash can push the oldest out (DESIGN.md, "Allocations, the tiering lottery, and what redeem's tail waits for").
    /// </summary>
    public const int RememberedOrders = 500;

    private const string AppliedPath = "applied_orders";

    private const string LastPath = "last_order";

    private const string AppliedThroughPath = "orders_applied_through";

    /// <summary>The contract's summary.orders of a customer nothing has been counted for: no last_order_date.</summary>
    public static JsonObject Empty() => new()
    {
        ["total_amount"] = 0,
        ["total_count"] = 0,
        ["average_amount"] = 0,
        ["last_order_amount"] = 0,
    };

    /// <summary>The versions applied most recently, by order id.</summary>
    public static Dictionary<string, OrderContribution> Applied(JsonObject body, string customerId) =>
        (body[AppliedPath] as JsonArray ?? [])
            .Select(entry => OrderContribution.FromJson(entry!.AsObject(), customerId))
            .ToDictionary(entry => entry.OrderId, StringComparer.Ordinal);

    /// <summary>The sequence of the last version applied, on a feed of every version in one order (0: none yet).</summary>
    public static long AppliedThrough(JsonObject body) => JsonNumber.LongOrZero(body[AppliedThroughPath]);

    /// <summary>Records, on a feed of every version in one order, that every version up to the last one just applied was.</summary>
    public static void MarkApplied(JsonObject body, IReadOnlyList<OrderContribution> applied)
    {
        if (applied.Count > 0)
        {
            body[AppliedThroughPath] = Math.Max(AppliedThrough(body), applied.Max(order => order.Sequence));
            body.Remove(AppliedPath);
        }
    }

    public static OrderContribution? Last(JsonObject body, string customerId) =>
        body[LastPath] is JsonObject last ? OrderContribution.FromJson(last, customerId) : null;

    /// <summary>
    /// Replaces the order's <paramref name="previous"/> contribution (null: none yet) by <paramref name="next"/> in
    /// <paramref name="body"/>; <see cref="Remember"/> then records it as applied.
    /// </summary>
    /// <returns>
    /// True when the last order may have changed to one this document does not know (the last order stopped counting):
    /// then <see cref="SetLast"/> must be given the one found among the tallies.
    /// </returns>
    public static bool Apply(JsonObject body, OrderContribution? previous, OrderContribution next)
    {
        var orders = body["summary"]!["orders"]!.AsObject();
        var count = Add(orders, "total_count", (next.Counts ? 1 : 0) - (previous is { Counts: true } ? 1 : 0));
        var total = Add(orders, "total_amount", next.Amount - (previous?.Amount ?? 0));

        // Integer division: rounds toward zero, and amounts are never negative, so down.
        orders["average_amount"] = count == 0 ? 0 : total / count;

        var last = Last(body, next.CustomerId);
        if (next.Counts && (last is null || next.CreatedAfter(last) || (last.OrderId == next.OrderId && last.CreatedAt == next.CreatedAt)))
        {
            SetLast(body, next);
            return false;
        }

        return last?.OrderId == next.OrderId;
    }

    public static void SetLast(JsonObject body, OrderContribution? last)
    {
        var orders = body["summary"]!["orders"]!.AsObject();
        orders["last_order_amount"] = last?.Amount ?? 0;
        orders.Remove("last_order_date");
        body.Remove(LastPath);
        if (last is not null)
        {
            orders["last_order_date"] = last.CreatedAt;
            body[LastPath] = last.ToJson();
        }
    }

    /// <summary>
    /// Records the versions just applied as the latest of their orders, in one pass over the remembered ones
    /// however many orders a batch applied (a search per order made a busy customer's batch quadratic).
    /// </summary>
    public static void Remember(JsonObject body, IReadOnlyList<OrderContribution> applied)
    {
        if (applied.Count == 0)
        {
            return;
        }

        var entries = body[AppliedPath] as JsonArray ?? [];
        body[AppliedPath] = entries;
        var ids = applied.Select(order => order.OrderId).ToHashSet(StringComparer.Ordinal);
        entries.RemoveAll(entry => ids.Contains(entry!["id"]!.GetValue<string>()));
        foreach (var order in applied)
        {
            entries.Add(order.ToJson());
        }

        if (entries.Count > RememberedOrders)
        {
            entries.RemoveRange(0, entries.Count - RememberedOrders);
        }
    }

    private static long Add(JsonObject node, string name, long delta)
    {
        var value = checked(JsonNumber.LongOrZero(node[name]) + delta);
        node[name] = value;
        return value;
    }
}
