using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// One summary document per project and customer, stored under the customer's id (or, for a customer the
/// redemption named only by source_id, that source id), so GET /v1/customers/{id} is one point read.
/// </summary>
public static class CustomerSummaryKeys
{
    public const string Kind = "customer_summary";

    public static DocumentKey For(string projectId, string customerKey) => new(projectId, Kind, customerKey, customerKey);
}
