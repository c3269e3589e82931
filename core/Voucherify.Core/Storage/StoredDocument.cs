using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A document as the store holds it: the JSON body (snake_case, as on the wire) plus the
/// system properties every document carries. ETag changes on every write. The store also writes
/// CreatedAt and UpdatedAt into the body as <c>created_at</c> and <c>updated_at</c>
/// (see <see cref="DocumentTimestamps"/>), overwriting whatever the caller put there.
/// </summary>
public sealed record StoredDocument
{
    private readonly string? text;
    private JsonObject? body;

    public StoredDocument(DocumentKey key, JsonObject body, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        : this(key, eTag, createdAt, updatedAt)
    {
        this.body = body;
    }

    /// <summary>
    /// A document read as text, parsed into <see cref="Body"/> only when that is first asked for: most reads want a typed
    /// object (<see cref="DocumentJson.Read{T}"/>), which is read straight from the text, not through a tree of nodes.
    /// </summary>
    public StoredDocument(DocumentKey key, string text, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        : this(key, eTag, createdAt, updatedAt)
    {
        this.text = text;
    }

    private StoredDocument(DocumentKey key, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Key = key;
        ETag = eTag;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public DocumentKey Key { get; init; }

    /// <summary>The body; callers may change it (it is theirs, parsed for this read), and a typed read sees the change.</summary>
    public JsonObject Body
    {
        get => body ?? LazyInitializer.EnsureInitialized(ref body, () => Parse(text!));
        init
        {
            body = value;
            text = null;
        }
    }

    public string ETag { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The text read, while no one has asked for <see cref="Body"/> (so it still says what the body would).</summary>
    internal string? UnparsedText => body is null ? text : null;

    internal static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException("A stored body is not a JSON object.");
}
