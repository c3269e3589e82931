using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A stored body, kept as the text a store read until someone asks for the tree, then parsed once. Most reads want a
/// typed object, which <see cref="DocumentJson.Read{T}"/> reads straight from the text, and every change-feed loop reads
/// every change but parses only those it wants. Copies of a document or change made with <c>with</c> share it.
/// </summary>
internal sealed class LazyBody
{
    private readonly string? text;
    private JsonObject? body;

    private LazyBody(string? text, JsonObject? body)
    {
        this.text = text;
        this.body = body;
    }

    public static LazyBody Of(JsonObject? body) => new(null, body);

    /// <param name="text">The stored JSON object; null for no body (a change that deleted its document).</param>
    public static LazyBody FromText(string? text) => new(text, null);

    /// <summary>The tree, parsed on first use; the caller may change it, and a typed read then sees the change.</summary>
    public JsonObject? Value => body ?? (text is null ? null : LazyInitializer.EnsureInitialized(ref body, () => Parse(text)));

    /// <summary>The text read, while no one has asked for <see cref="Value"/> (so it still says what the body would).</summary>
    public string? UnparsedText => body is null ? text : null;

    /// <summary>A stored body's text as its tree: every stored body is a JSON object.</summary>
    public static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException("A stored body is not a JSON object.");
}
