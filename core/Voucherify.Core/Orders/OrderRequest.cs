using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>The order as a client sends it in a validate or redeem body.</summary>
public sealed record OrderRequest
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Amount { get; init; }

    public string? Status { get; init; }

    public JsonObject? Metadata { get; init; }

    public IReadOnlyList<OrderItemRequest>? Items { get; init; }

    /// <summary>POST and PUT /v1/orders only: the customer and referrer the order belongs to.</summary>
    public string? CustomerId { get; init; }

    public string? ReferrerId { get; init; }
}
