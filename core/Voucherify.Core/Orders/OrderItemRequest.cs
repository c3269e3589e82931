using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>An order line as a client sends it in a validate or redeem body.</summary>
public sealed record OrderItemRequest
{
    public string? SkuId { get; init; }

    public string? ProductId { get; init; }

    public string? SourceId { get; init; }

    /// <summary><c>product</c> or <c>sku</c>: what <see cref="SourceId"/> refers to.</summary>
    public string? RelatedObject { get; init; }

    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Quantity { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Amount { get; init; }

    public JsonObject? Metadata { get; init; }

    public OrderItemProduct? Product { get; init; }

    public OrderItemSku? Sku { get; init; }
}
