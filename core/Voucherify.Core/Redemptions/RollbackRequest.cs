using System.Text.Json.Nodes;

namespace Voucherify.Core.Redemptions;

/// <summary>POST /v1/redemptions/{id}/rollback: reason and tracking_id come in the query or the body.</summary>
public sealed record RollbackRequest
{
    public string? Reason { get; init; }

    public string? TrackingId { get; init; }

    public JsonObject? Customer { get; init; }

    public JsonObject? Order { get; init; }

    public JsonObject? Metadata { get; init; }
}
