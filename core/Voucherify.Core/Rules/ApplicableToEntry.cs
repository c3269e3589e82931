using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Rules;

/// <summary>One product, SKU or collection a rule's discount applies to (or is excluded from), with its caps.</summary>
public sealed record ApplicableToEntry
{
    public string Object { get; init; } = "product";

    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? ProductId { get; init; }

    public string? ProductSourceId { get; init; }

    public bool Strict { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? Price { get; init; }

    public string Effect { get; init; } = "APPLY_TO_EVERY";

    public long? QuantityLimit { get; init; }

    public long? AggregatedQuantityLimit { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? AmountLimit { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? AggregatedAmountLimit { get; init; }
}
