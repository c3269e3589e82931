using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Metadata;

/// <summary>One property of a metadata schema. The contract spells the length limits and objectType in camelCase.</summary>
public sealed record MetadataPropertyDefinition
{
    public required string Type { get; init; }

    public bool Array { get; init; }

    public bool Optional { get; init; } = true;

    /// <summary>For type object: the name of the custom schema the nested object obeys, if any.</summary>
    [JsonPropertyName("objectType")]
    public string? ObjectType { get; init; }

    public JsonArray? Eq { get; init; }

    public JsonArray? Ne { get; init; }

    public decimal? Lt { get; init; }

    public decimal? Lte { get; init; }

    public decimal? Gt { get; init; }

    public decimal? Gte { get; init; }

    [JsonPropertyName("minLength")]
    public int? MinLength { get; init; }

    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("exactLength")]
    public int? ExactLength { get; init; }

    /// <summary>A deleted definition no longer constrains anything, as if it were not there.</summary>
    public bool? Deleted { get; init; }
}
