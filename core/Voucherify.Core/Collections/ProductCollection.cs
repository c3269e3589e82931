using System.Text.Json.Nodes;

namespace Voucherify.Core.Collections;

/// <summary>A product collection as the contract shows it: STATIC (listed products and SKUs) or AUTO_UPDATE (a filter over product fields).</summary>
public sealed record ProductCollection
{
    public const string Static = "STATIC";
    public const string AutoUpdate = "AUTO_UPDATE";

    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Type { get; init; } = Static;

    public JsonObject? Filter { get; init; }

    public IReadOnlyList<CollectionMember>? Products { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string Object { get; init; } = "products_collection";
}
