using System.Text.Json.Nodes;
using Voucherify.Core.Json;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Customers;

/// <summary>
/// What one redemption record adds to its customer's <c>summary.redemptions</c>. Counted from the record's
/// first sight whatever its later status: a redemption rolled back later still happened (total_succeeded),
/// and the rollback is its own rr_ record (total_rolled_back). Amounts are integer minor units.
/// </summary>
public sealed record RedemptionTally(string RecordId, string CustomerKey, string? CustomerId, string? SourceId)
{
    public long Redeemed { get; init; }

    public long Failed { get; init; }

    public long Succeeded { get; init; }

    public long RolledBack { get; init; }

    public long RollbackFailed { get; init; }

    public long RollbackSucceeded { get; init; }

    public long GiftRedeemedAmount { get; init; }

    /// <returns>Null for a record that names no customer (nothing to count) or is not a redemption record.</returns>
    public static RedemptionTally? Of(JsonObject record)
    {
        var id = JsonText.Of(record, "id");
        var customerId = JsonText.Of(record, "customer_id") ?? JsonText.Of(record["customer"] as JsonObject, "id");
        var sourceId = JsonText.Of(record["customer"] as JsonObject, "source_id");
        var customerKey = customerId ?? sourceId;
        if (id is null || customerKey is null)
        {
            return null;
        }

        var success = JsonText.Of(record, "result") == RedemptionResults.Success;
        var gift = JsonText.Of(record["voucher"] as JsonObject, "type") == VoucherTypes.Gift && record["amount"] is JsonValue amount
            ? JsonNumber.Long(amount)
            : 0;
        var tally = new RedemptionTally(id, customerKey, customerId, sourceId);
        return JsonText.Of(record, "object") switch
        {
            RedemptionObjects.Redemption => tally with
            {
                Redeemed = 1,
                Succeeded = success ? 1 : 0,
                Failed = success ? 0 : 1,
                GiftRedeemedAmount = success ? gift : 0,
            },
            RedemptionObjects.Rollback => tally with
            {
                RolledBack = success ? 1 : 0,
                RollbackSucceeded = success ? 1 : 0,
                RollbackFailed = success ? 0 : 1,
                // A rollback's amount is the negative of what it gives back.
                GiftRedeemedAmount = success ? gift : 0,
            },
            _ => null,
        };
    }
}
