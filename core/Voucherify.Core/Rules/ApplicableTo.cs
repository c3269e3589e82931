using System.Text.Json.Serialization;

namespace Voucherify.Core.Rules;

/// <summary>The items a rule's discount touches: included ones (or all), minus excluded ones, which always win.</summary>
public sealed record ApplicableTo
{
    public IReadOnlyList<ApplicableToEntry> Excluded { get; init; } = [];

    public IReadOnlyList<ApplicableToEntry> Included { get; init; } = [];

    public bool IncludedAll { get; init; }

    public bool IsEmpty => Excluded.Count == 0 && Included.Count == 0 && !IncludedAll;

    /// <summary>Whether it names products, SKUs or collections, which lines can only be matched against once resolved in the catalog.</summary>
    [JsonIgnore]
    public bool NamesItems => Included.Count > 0 || Excluded.Count > 0;
}
