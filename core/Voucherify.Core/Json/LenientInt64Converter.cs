using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Json;

/// <summary>
/// Order item quantities arrive as numbers or as strings (<c>"quantity": "2"</c> in the contract's own
/// examples). Both are read; the value is always written back as a number.
/// </summary>
public sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => ReadNumber(ref reader),
            JsonTokenType.String => ParseText(reader.GetString()),
            _ => throw new JsonException("Expected an integer or a string holding an integer."),
        };

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static long ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number)
            && number >= long.MinValue && number <= long.MaxValue)
        {
            return (long)number;
        }

        throw new JsonException("Expected a whole number.");
    }

    private static long ParseText(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a whole number.");
}
