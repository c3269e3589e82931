using System.Text.Json;
using System.Text.Json.Serialization;

namespace Voucherify.Core.Json;

/// <summary>
/// The one JSON shape of the service: snake_case like the wire contract, used for requests,
/// responses and stored documents alike, so a document is its API object.
/// </summary>
public static class Wire
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 32,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,

            // Responses are JSON, never embedded in HTML, so '&' and '+' in urls and ids stay readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
