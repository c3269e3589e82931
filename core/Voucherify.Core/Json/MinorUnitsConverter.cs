using System.Text.Json;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Json;

/// <summary>
/// Money is integer minor units. Clients written in JavaScript send <c>1000.0</c> for 1000, so an
/// integral number is accepted in any notation; a fraction of a minor unit is refused, never rounded.
/// </summary>
public sealed class MinorUnitsConverter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected an integer amount in minor units (e.g. 1000 for $10.00).");
        }

        return reader.TryGetInt64(out var value) ? value : ReadIntegral(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } amount)
        {
            writer.WriteNumberValue(amount);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static long ReadIntegral(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number)
            && number >= long.MinValue && number <= long.MaxValue)
        {
            return (long)number;
        }

        throw new JsonException("Expected an integer amount in minor units (e.g. 1000 for $10.00), not a fraction or an out-of-range number.");
    }
}
