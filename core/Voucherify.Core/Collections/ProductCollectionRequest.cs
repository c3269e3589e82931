using System.Text.Json.Nodes;

namespace Voucherify.Core.Collections;

/// <summary>The body of POST /v1/product-collections: a STATIC list of products and SKUs, or an AUTO_UPDATE filter.</summary>
public sealed record ProductCollectionRequest
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public JsonObject? Filter { get; init; }

    public IReadOnlyList<CollectionMember>? Products { get; init; }
}
