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
        document is { Shared: { } shared, UnparsedText: not null } ? shared.Get(document, static read => read.Read<T>()) : document.Read<T>();

    /// <summary>
    /// The body as a tree the caller must not change, which may be the one every reader of this stored version gets:
    /// for hot paths that only look up fields in a document of no fixed shape (the customer and catalog bodies rules read).
    /// A parsed <see cref="JsonObject"/> builds its children on first access, which two threads must not race, so a
    /// shared tree is built through before anyone else is given it. Its texts become strings once, there: a parsed
    /// value makes a new string each time it is read, and rules read the same customer's fields on every validate.
    /// </summary>
    public static JsonObject ReadSharedTree(this StoredDocument document) =>
        document is { Shared: { } shared, UnparsedText: { } text }
            ? shared.Get(text, static read => BuiltThrough(LazyBody.Parse(read)))
            : document.Body;

    private static T BuiltThrough<T>(T node)
        where T : JsonNode
    {
        switch (node)
        {
            case JsonObject json:
                for (var i = 0; i < json.Count; i++)
                {
                    var child = json.GetAt(i).Value;
                    if (Text(child) is { } text)
                    {
                        json.SetAt(i, text);
                    }
                    else if (child is not null)
                    {
                        BuiltThrough(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    if (Text(child) is { } text)
                    {
                        array[i] = text;
                    }
                    else if (child is not null)
                    {
                        BuiltThrough(child);
                    }
                }

                break;
        }

        return node;
    }

    // A text as a value holding its string, read once here instead of on every later read.
    private static JsonValue? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? JsonValue.Create(value.GetValue<string>()) : null;

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Wire.Options);
}
