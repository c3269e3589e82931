using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// One small document per order a customer summary counted on a feed that folds versions (Cosmos DB): the version
/// last applied and what it contributes. Partitioned by the customer key, so a customer's tallies are one partition
/// and finding the customer's last order is a single-partition query.
/// </summary>
public static class CustomerOrderTallyKeys
{
    public const string Kind = "customer_order_tally";

    public static DocumentKey For(string projectId, string customerKey, string orderId) => new(projectId, Kind, customerKey, orderId);
}
