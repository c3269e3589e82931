using System.Text.Json.Nodes;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Validations;

/// <summary>The body of validate and redeem on /v1/vouchers/{code}: the context the voucher is judged in.</summary>
public sealed record VoucherValidationRequest
{
    public JsonObject? Customer { get; init; }

    public OrderRequest? Order { get; init; }

    public JsonObject? Gift { get; init; }

    public JsonObject? Reward { get; init; }

    public JsonObject? Session { get; init; }

    public JsonObject? Metadata { get; init; }

    public string? TrackingId { get; init; }
}
