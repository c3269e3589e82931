using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Errors;

namespace Voucherify.Core.Json;

/// <summary>Binds JSON to a request record; anything a client can get wrong in it becomes the contract's 400.</summary>
public static class WireBinding
{
    public static T Bind<T>(JsonNode node) => Convert(() => node.Deserialize<T>(Wire.Options));

    /// <summary>Binds checked bytes straight to the record: no intermediate JSON tree on the hot paths.</summary>
    public static T Bind<T>(byte[] utf8Json) => Convert(() => JsonSerializer.Deserialize<T>(utf8Json, Wire.Options));

    private static T Convert<T>(Func<T?> deserialize)
    {
        try
        {
            return deserialize() ?? throw Problems.InvalidPayload("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) ? string.Empty : $" at {exception.Path}";
            throw Problems.InvalidPayload($"Invalid value{where}: {FirstSentence(exception.Message)}");
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw Problems.InvalidPayload(exception.Message);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
