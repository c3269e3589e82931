namespace Voucherify.Core.Collections;

/// <summary>A product or SKU listed in a STATIC collection.</summary>
public sealed record CollectionMember
{
    public required string Id { get; init; }

    public string Object { get; init; } = "product";

    public string? ProductId { get; init; }
}
