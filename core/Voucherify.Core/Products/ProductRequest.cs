using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Products;

/// <summary>A product as POST /v1/products and PUT /v1/products/{id} send it.</summary>
public sealed record ProductRequest
{
    public static readonly IReadOnlyList<string> Fields = ["name", "price", "attributes", "metadata", "image_url"];

    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? Name { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }

    public IReadOnlyList<string>? Attributes { get; init; }

    public JsonObject? Metadata { get; init; }

    public string? ImageUrl { get; init; }
}
