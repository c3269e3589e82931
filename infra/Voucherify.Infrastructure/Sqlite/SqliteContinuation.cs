using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Keyset position after the last document of a page: its sort value (with the SQL type it had,
/// so the next comparison orders exactly as ORDER BY did), id and partition key. Carries the
/// ordering it was made for, so a token cannot silently be replayed against another ordering.
/// </summary>
internal sealed record SqliteContinuation(string OrderBy, bool Descending, object? SortValue, string Id, string PartitionKey)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("o", OrderBy);
            writer.WriteBoolean("d", Descending);
            switch (SortValue)
            {
                case null:
                    writer.WriteNull("v");
                    break;
                case long integer:
                    writer.WriteString("t", "i");
                    writer.WriteNumber("v", integer);
                    break;
                case double real:
                    // As text: JSON numbers cannot carry the infinities SQLite gives for out-of-range JSON numbers.
                    writer.WriteString("t", "r");
                    writer.WriteString("v", real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case string text:
                    writer.WriteString("t", "s");
                    writer.WriteString("v", text);
                    break;
                default:
                    throw new InvalidOperationException($"Cannot page on a sort value of type {SortValue.GetType().Name}.");
            }

            writer.WriteString("i", Id);
            writer.WriteString("p", PartitionKey);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    public static SqliteContinuation Decode(string token, string orderBy, bool descending)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = document.RootElement;
            var sortValue = root.TryGetProperty("t", out var type)
                ? type.GetString() switch
                {
                    "i" => root.GetProperty("v").GetInt64(),
                    "r" => double.Parse(root.GetProperty("v").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                    "s" => (object?)root.GetProperty("v").GetString(),
                    _ => throw new FormatException("Unknown sort value type."),
                }
                : null;
            var continuation = new SqliteContinuation(
                root.GetProperty("o").GetString()!,
                root.GetProperty("d").GetBoolean(),
                sortValue,
                root.GetProperty("i").GetString()!,
                root.GetProperty("p").GetString()!);
            if (continuation.OrderBy != orderBy || continuation.Descending != descending)
            {
                throw new FormatException("The token belongs to another ordering.");
            }

            return continuation;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException("The continuation token is not valid for this query.", nameof(token), exception);
        }
    }
}
