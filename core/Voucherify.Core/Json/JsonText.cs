using System.Text.Json.Nodes;

namespace Voucherify.Core.Json;

public static class JsonText
{
    /// <summary>A non-empty string property, else null: an empty id, a number or a missing field all name nothing.</summary>
    public static string? Of(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
