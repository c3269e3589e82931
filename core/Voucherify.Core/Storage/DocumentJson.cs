using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;

namespace Voucherify.Core.Storage;

/// <summary>Typed objects to and from document bodies, in the wire shape.</summary>
public static class DocumentJson
{
    public static JsonObject ToBody<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Wire.Options)?.AsObject() ?? throw new InvalidOperationException($"{typeof(T).Name} serialised to null.");

    public static T Read<T>(this StoredDocument document) =>
        (document.UnparsedText is { } text ? JsonSerializer.Deserialize<T>(text, Wire.Options) : document.Body.Deserialize<T>(Wire.Options))
        ?? throw new InvalidOperationException($"Document {document.Key} is not a {typeof(T).Name}.");

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Wire.Options);
}
