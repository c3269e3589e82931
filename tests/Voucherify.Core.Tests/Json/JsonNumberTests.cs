using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;

namespace Voucherify.Core.Tests.Json;

public sealed class JsonNumberTests
{
    [Fact]
    public void A_number_read_from_stored_text_and_one_built_in_memory_read_alike()
    {
        var stored = JsonNode.Parse("""{"small": 25000, "large": 5000000000, "negative": -3, "flag": true}""")!.AsObject();

        Assert.Equal(25000, JsonNumber.Long(stored["small"]!));
        Assert.Equal(5_000_000_000, JsonNumber.Long(stored["large"]!));
        Assert.Equal(-3, JsonNumber.Long(stored["negative"]!));
        Assert.True(JsonNumber.Bool(stored["flag"]!));
        Assert.Equal(7, JsonNumber.Long(JsonValue.Create(7)));
        Assert.Equal(5_000_000_000, JsonNumber.Long(JsonValue.Create(5_000_000_000L)));
        Assert.False(JsonNumber.Bool(JsonValue.Create(false)));
    }

    [Fact]
    public void What_is_no_whole_number_fails_as_deserializing_it_did()
    {
        var stored = JsonNode.Parse("""{"fraction": 1.5, "text": "12", "huge": 1e30}""")!.AsObject();

        foreach (var name in new[] { "fraction", "text", "huge" })
        {
            Assert.Throws<JsonException>(() => stored[name]!.Deserialize<long>());
            Assert.Throws<JsonException>(() => JsonNumber.Long(stored[name]!));
        }

        Assert.Throws<JsonException>(() => JsonNumber.Long(JsonValue.Create(1.5m)));
        Assert.Throws<JsonException>(() => JsonNumber.Bool(JsonValue.Create(1)));
    }
}
