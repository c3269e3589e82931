using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Products;

/// <summary>A SKU as POST /v1/products/{id}/skus and PUT …/skus/{sku} send it.</summary>
public sealed record SkuRequest
{
    public static readonly IReadOnlyList<string> Fields = ["sku", "price", "currency", "attributes", "image_url", "metadata"];

    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? Sku { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }

    public string? Currency { get; init; }

    public JsonObject? Attributes { get; init; }

    public string? ImageUrl { get; init; }

    public JsonObject? Metadata { get; init; }
}
