using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// System.Text.Json for everything the SDK serialises for us (patch values, query parameters,
/// LINQ member names), so bodies keep the API's snake_case shape and JsonNode values pass through
/// as they are instead of going through Newtonsoft.Json, the SDK's default.
/// </summary>
internal sealed class CosmosSystemTextJsonSerializer : CosmosLinqSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override T FromStream<T>(Stream stream)
    {
        using (stream)
        {
            if (typeof(Stream).IsAssignableFrom(typeof(T)))
            {
                return (T)(object)stream;
            }

            return JsonSerializer.Deserialize<T>(stream, Options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, input, input?.GetType() ?? typeof(T), Options);
        stream.Position = 0;
        return stream;
    }

    public override string SerializeMemberName(MemberInfo memberInfo)
    {
        ArgumentNullException.ThrowIfNull(memberInfo);
        var attribute = memberInfo.GetCustomAttribute<JsonPropertyNameAttribute>();
        return attribute?.Name ?? Options.PropertyNamingPolicy!.ConvertName(memberInfo.Name);
    }
}
