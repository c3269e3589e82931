using System.Text.Json.Serialization;

namespace Voucherify.Core.Metadata;

/// <summary>The contract's metadata schema: the property definitions metadata of one object type must obey.</summary>
public sealed record MetadataSchema
{
    public string? Id { get; init; }

    public required string RelatedObject { get; init; }

    public Dictionary<string, MetadataPropertyDefinition> Properties { get; init; } = [];

    public bool? AllowDefinedOnly { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonInclude]
    public string Object { get; private init; } = "metadata_schema";
}
