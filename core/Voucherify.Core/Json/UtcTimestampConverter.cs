using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Json;

/// <summary>Timestamps go out as ISO-8601 UTC with milliseconds, as the contract shows them ("2022-02-17T08:18:15.085Z").</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO-8601 date-time.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Timestamps.Format(value));
}
