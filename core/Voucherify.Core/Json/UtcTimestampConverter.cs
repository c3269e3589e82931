using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Json;

/// <summary>Timestamps go out as ISO-8601 UTC with milliseconds, as the contract shows them ("2022-02-17T08:18:15.085Z").</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Stored and most sent timestamps are UTC ("...Z"); the reader's own ISO-8601 parser takes those without the
        // culture-aware general parser, which profiles showed in every read of a document. Text without a zone, which
        // the reader would take as local time, goes the general way and is taken as UTC.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
        {
            return utc.ToUniversalTime();
        }

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
