using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// One value a condition compares: a number, a text, a boolean, a list (metadata arrays, segment ids) or an
/// object reference ({object, id}). A struct, so reading order amounts and counters on the hot path allocates nothing.
/// </summary>
public readonly record struct RuleValue(RuleValueKind Kind, decimal Number, string? Text, IReadOnlyList<RuleValue>? Items)
{
    public static RuleValue Missing => default;

    public bool IsMissing => Kind == RuleValueKind.Missing;

    public static RuleValue Of(long value) => new(RuleValueKind.Number, value, null, null);

    public static RuleValue Of(long? value) => value is { } number ? Of(number) : Missing;

    public static RuleValue Of(decimal value) => new(RuleValueKind.Number, value, null, null);

    public static RuleValue Of(string? value) => value is null ? Missing : new(RuleValueKind.Text, 0, value, null);

    public static RuleValue Of(bool value) => new(RuleValueKind.Boolean, value ? 1 : 0, null, null);

    public static RuleValue List(IReadOnlyList<RuleValue> items) => new(RuleValueKind.List, items.Count, null, items);

    /// <summary>An {object, id} reference as order.items.* conditions and applicable_to name products, SKUs and collections.</summary>
    public static RuleValue Reference(string objectType, string id) => new(RuleValueKind.Reference, 0, id, [Of(objectType)]);

    public static RuleValue From(JsonNode? node) => node switch
    {
        null => Missing,
        JsonArray array => List([.. array.Select(From)]),
        JsonObject json => json["id"]?.GetValueKind() == JsonValueKind.String
            ? Reference(json["object"]?.GetValueKind() == JsonValueKind.String ? json["object"]!.GetValue<string>() : "product", json["id"]!.GetValue<string>())
            : Missing,
        JsonValue value => FromValue(value),
        _ => Missing,
    };

    public bool TryDate(out DateTimeOffset date)
    {
        date = default;
        return Kind == RuleValueKind.Text
            && DateTimeOffset.TryParse(Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
    }

    public string? ReferenceObject => Kind == RuleValueKind.Reference ? Items![0].Text : null;

    private static RuleValue FromValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => ReadNumber(value) is { } number ? Of(number) : Missing,
        JsonValueKind.String => Of(value.GetValue<string>()),
        JsonValueKind.True => Of(true),
        JsonValueKind.False => Of(false),
        _ => Missing,
    };

    /// <summary>Parsed bodies hold numbers as elements, built ones as CLR primitives; either reads as decimal.</summary>
    private static decimal? ReadNumber(JsonValue value)
    {
        if (value.TryGetValue<decimal>(out var number))
        {
            return number;
        }

        if (value.TryGetValue<long>(out var integer))
        {
            return integer;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        return value.TryGetValue<double>(out var real) && double.IsFinite(real) ? (decimal)real : null;
    }
}
