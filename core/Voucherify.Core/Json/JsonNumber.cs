using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Core.Json;

/// <summary>
/// Numbers and flags of a JSON tree, read without a round trip: <see cref="JsonNode.Deserialize{TValue}(JsonNode?, JsonSerializerOptions?)"/>
/// writes the node out and parses it again, and the customer summary handlers did that thousands of times per feed
/// batch. A node read from the store holds a JSON element and one built in memory the value it was given (an int as
/// often as a long); anything else (a fraction, a string) still goes through Deserialize and fails as it did.
/// </summary>
public static class JsonNumber
{
    public static long Long(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<int>(out var small) => small,
        _ => node.Deserialize<long>(),
    };

    /// <summary>A count or mark the document may not hold yet: absent reads as 0.</summary>
    public static long LongOrZero(JsonNode? node) => node is null ? 0 : Long(node);

    public static bool Bool(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : node.Deserialize<bool>();
}
