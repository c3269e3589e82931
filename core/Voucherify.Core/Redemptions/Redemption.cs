using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Orders;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// A redemption attempt (r_ success, rf_ failure) or a rollback (rr_), as the contract shows them;
/// both live in one list, as GET /v1/redemptions mixes them.
/// </summary>
public sealed record Redemption
{
    public required string Id { get; init; }

    public string Object { get; init; } = RedemptionObjects.Redemption;

    public DateTimeOffset Date { get; init; }

    public string? CustomerId { get; init; }

    public string? TrackingId { get; init; }

    public JsonObject? Metadata { get; init; }

    public long? Amount { get; init; }

    /// <summary>The redemption a rollback undoes (for a redemption: its parent, null when not stacked).</summary>
    [JsonPropertyName("redemption")]
    public string? RedemptionId { get; init; }

    public string? Reason { get; init; }

    public string Result { get; init; } = RedemptionResults.Success;

    public string Status { get; init; } = RedemptionStatuses.Succeeded;

    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public OrderCalculated? Order { get; init; }

    public JsonObject? Customer { get; init; }

    public RedemptionChannel Channel { get; init; } = new();

    public string RelatedObjectType { get; init; } = "voucher";

    public string? RelatedObjectId { get; init; }

    public Voucher? Voucher { get; init; }

    public RelatedRedemptions? RelatedRedemptions { get; init; }

    /// <summary>Set while a rollback of this redemption is half done; recovery finishes it after a crash.</summary>
    public PendingRollback? PendingRollback { get; init; }
}
