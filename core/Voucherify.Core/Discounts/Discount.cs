using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;

namespace Voucherify.Core.Discounts;

/// <summary>
/// The contract's <c>Discount</c> oneOf (Amount, Percent, Fixed, Unit, Unit Multiple) as one record:
/// <see cref="Type"/> says which members matter, the others stay null and are not written.
/// Money is integer minor units.
/// </summary>
public sealed record Discount
{
    public required string Type { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? AmountOff { get; init; }

    public string? AmountOffFormula { get; init; }

    public decimal? PercentOff { get; init; }

    public string? PercentOffFormula { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? AmountLimit { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? AggregatedAmountLimit { get; init; }

    [JsonConverter(typeof(MinorUnitsConverter))]
    public long? FixedAmount { get; init; }

    public string? FixedAmountFormula { get; init; }

    /// <summary>A unit count; the contract types it as a number, so a fraction is caught by <see cref="Validate"/>.</summary>
    public decimal? UnitOff { get; init; }

    public string? UnitOffFormula { get; init; }

    public string? UnitType { get; init; }

    public string? Effect { get; init; }

    public IReadOnlyList<DiscountUnitEntry>? Units { get; init; }

    public DiscountProduct? Product { get; init; }

    public DiscountSku? Sku { get; init; }

    public bool? IsDynamic { get; init; }

    /// <summary>Reads a discount from a request body and validates it; any flaw is a 400 invalid_payload.</summary>
    public static Discount Parse(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            throw Problems.InvalidPayload("discount must be an object.");
        }

        try
        {
            return (json.Deserialize<Discount>(Wire.Options) ?? throw Problems.InvalidPayload("discount must be an object.")).Validate();
        }
        catch (JsonException error)
        {
            throw Problems.InvalidPayload(Describe(error));
        }
    }

    /// <summary>Throws 400 invalid_payload naming the first flaw; returns the same discount when it is sound.</summary>
    public Discount Validate()
    {
        DiscountValidator.Validate(this);
        return this;
    }

    /// <summary>The serializer's own messages already name the path; a converter's message does not.</summary>
    private static string Describe(JsonException error) =>
        error.Message.Contains("Path:", StringComparison.Ordinal)
            ? $"discount: {error.Message}"
            : $"discount{error.Path?.TrimStart('$')}: {error.Message}";
}
