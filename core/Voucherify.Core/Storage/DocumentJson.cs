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

    /// <summary>
    /// As <see cref="Read{T}"/>, but the object may be the one every reader of this stored version gets: the caller must
    /// not change it, nor attach its JSON nodes to another tree. For the hot paths that only look (validate, redeem).
    /// </summary>
    public static T ReadShared<T>(this StoredDocument document)
        where T : notnull =>
        document is { Shared: { } shared, UnparsedText: not null } ? shared.Get(document.Read<T>) : document.Read<T>();

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Wire.Options);
}
