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

    /// <summary>
    /// The body as a tree the caller must not change, which may be the one every reader of this stored version gets:
    /// for hot paths that only look up fields in a document of no fixed shape (the customer and catalog bodies rules read).
    /// A parsed <see cref="JsonObject"/> builds its children on first access, which two threads must not race, so a
    /// shared tree is built through before anyone else is given it. Its texts become strings once, there: a parsed
    /// value makes a new string each time it is read, and rules read the same customer's fields on every validate.
    /// </summary>
    public static JsonObject ReadSharedTree(this StoredDocument document) =>
        document is { Shared: { } shared, UnparsedText: { } text } ? shared.Get(() => BuiltThrough(LazyBody.Parse(text))) : document.Body;

    private static JsonObject BuiltThrough(JsonObject json)
    {
        List<(string Name, string Text)>? texts = null;
        foreach (var (name, value) in json)
        {
            if (Text(value) is { } text)
            {
                (texts ??= []).Add((name, text));
            }
            else
            {
                BuiltThroughChild(value);
            }
        }

        foreach (var (name, text) in texts ?? [])
        {
            json[name] = JsonValue.Create(text);
        }

        return json;
    }

    private static void BuiltThroughChild(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                BuiltThrough(json);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Text(array[i]) is { } text)
                    {
                        array[i] = JsonValue.Create(text);
                    }
                    else
                    {
                        BuiltThroughChild(array[i]);
                    }
                }

                break;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Wire.Options);
}
