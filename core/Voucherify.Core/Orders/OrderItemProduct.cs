using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>The product details an order item carries, as sent by the client or filled in from the catalog.</summary>
public sealed record OrderItemProduct
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public bool? Override { get; init; }

    public string? Name { get; init; }

    public JsonObject? Metadata { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }
}
