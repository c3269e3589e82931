using System.Text.Json.Nodes;
using Voucherify.Core.Json;
using Voucherify.Core.Orders;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// What one version of an order adds to its customer's <c>summary.orders</c>: its amount while it is PAID or
/// FULFILLED, nothing while it is CREATED or CANCELED. <paramref name="Sequence"/> is the version's place in the
/// change feed; an order's versions are one document in one partition, so a higher sequence is a later version
/// on either store (a global counter on SQLite, the partition's logical sequence number on Cosmos DB).
/// </summary>
public sealed record OrderContribution(string OrderId, string CustomerId, long Sequence, bool Counts, long Amount, string? CreatedAt)
{
    /// <summary>
    /// The order's own created_at, under a name of its own: the store owns <c>created_at</c> of the tally and
    /// summary documents this is written into.
    /// </summary>
    public const string CreatedAtPath = "order_created_at";

    public const string CountsPath = "counts";

    private const string CustomerIdPath = "customer_id";

    private const string StatusPath = "status";

    /// <summary>The statuses in which an order adds its amount; the rest add nothing.</summary>
    private static readonly string[] CountingStatuses = [OrderStatuses.Paid, OrderStatuses.Fulfilled];

    /// <returns>Null for a deletion or an order that names no customer (there is no summary to keep).</returns>
    public static OrderContribution? Of(DocumentChange change) => Of(change.Key.Id, change.Body, change.Sequence);

    /// <summary>What a stored order adds now; its place in the feed is not known, so its sequence is 0.</summary>
    public static OrderContribution? Of(StoredDocument order) => Of(order.Key.Id, order.Body, sequence: 0);

    /// <summary>A query's conditions for the customer's stored orders that count, as <see cref="Of(StoredDocument)"/> would say.</summary>
    public static IReadOnlyList<Condition> CountingOrdersOf(string customerId) =>
        [Condition.Eq(CustomerIdPath, customerId), Condition.In(StatusPath, [.. CountingStatuses])];

    private static OrderContribution? Of(string orderId, JsonObject? order, long sequence)
    {
        if (order is null || JsonText.Of(order, CustomerIdPath) is not { } customerId)
        {
            return null;
        }

        var counts = JsonText.Of(order, StatusPath) is { } status && CountingStatuses.Contains(status, StringComparer.Ordinal);
        return new OrderContribution(orderId, customerId, sequence, counts, counts ? AmountOf(order) : 0, JsonText.Of(order, "created_at"));
    }

    /// <summary>Reads back what <see cref="ToJson"/> wrote (a tally document or an entry of the summary).</summary>
    public static OrderContribution FromJson(JsonObject entry, string customerId) => new(
        entry["id"]!.GetValue<string>(),
        customerId,
        JsonNumber.Long(entry["sequence"]!),
        JsonNumber.Bool(entry[CountsPath]!),
        JsonNumber.Long(entry["amount"]!),
        JsonText.Of(entry, CreatedAtPath));

    /// <summary>The later of two versions of one order known from different places; either may be unknown.</summary>
    public static OrderContribution? Later(OrderContribution? one, OrderContribution? other) =>
        one is null ? other
        : other is null ? one
        : other.Sequence > one.Sequence ? other : one;

    public JsonObject ToJson() => new()
    {
        ["id"] = OrderId,
        ["sequence"] = Sequence,
        [CountsPath] = Counts,
        ["amount"] = Amount,
        [CreatedAtPath] = CreatedAt,
    };

    /// <summary>Whether the summary would be the same with this version in place of <paramref name="other"/> (null: no order).</summary>
    public bool AddsTheSameAs(OrderContribution? other) =>
        other is null ? !Counts : Counts == other.Counts && (!Counts || (Amount == other.Amount && CreatedAt == other.CreatedAt));

    /// <summary>
    /// The customer's last order is the one created last; orders created in the same millisecond are told apart by
    /// id, so every instance picks the same one. Timestamps are fixed-width UTC, so string order is time order,
    /// the same order the store sorts tally documents in.
    /// </summary>
    public bool CreatedAfter(OrderContribution other)
    {
        var byTime = string.CompareOrdinal(CreatedAt, other.CreatedAt);
        return byTime != 0 ? byTime > 0 : string.CompareOrdinal(OrderId, other.OrderId) > 0;
    }

    /// <summary>What the customer pays: the amount after discounts, else (nothing calculated yet) the amount, else 0.</summary>
    private static long AmountOf(JsonObject order) =>
        order["total_amount"] is JsonValue total ? JsonNumber.Long(total)
        : order["amount"] is JsonValue amount ? JsonNumber.Long(amount)
        : 0;
}
