using System.Text.Json;
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
    /// <returns>Null for a deletion or an order that names no customer (there is no summary to keep).</returns>
    public static OrderContribution? Of(DocumentChange change)
    {
        if (change.Body is not { } order || JsonText.Of(order, "customer_id") is not { } customerId)
        {
            return null;
        }

        var counts = JsonText.Of(order, "status") is OrderStatuses.Paid or OrderStatuses.Fulfilled;
        return new OrderContribution(change.Key.Id, customerId, change.Sequence, counts, counts ? AmountOf(order) : 0, JsonText.Of(order, "created_at"));
    }

    /// <summary>What the customer pays: the amount after discounts, else (nothing calculated yet) the amount, else 0.</summary>
    private static long AmountOf(JsonObject order) =>
        order["total_amount"] is JsonValue total ? total.Deserialize<long>()
        : order["amount"] is JsonValue amount ? amount.Deserialize<long>()
        : 0;
}
