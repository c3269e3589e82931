using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>The SKU details an order item carries; <c>sku</c> is the SKU's name, as the contract spells it.</summary>
public sealed record OrderItemSku
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public bool? Override { get; init; }

    public string? Sku { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }

    public JsonObject? Metadata { get; init; }
}
