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
    private readonly LazyBody body;

    public StoredDocument(DocumentKey key, JsonObject body, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        : this(key, LazyBody.Of(body), eTag, createdAt, updatedAt)
    {
    }

    /// <summary>A document read as text, parsed into <see cref="Body"/> only when that is first asked for (<see cref="LazyBody"/>).</summary>
    public StoredDocument(DocumentKey key, string text, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
        : this(key, LazyBody.FromText(text), eTag, createdAt, updatedAt)
    {
    }

    /// <summary>A copy of a version that other readers are given too, with the typed reads they share (<see cref="DocumentJson.ReadShared{T}"/>).</summary>
    public StoredDocument(DocumentKey key, string text, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt, SharedReads shared)
        : this(key, LazyBody.FromText(text), eTag, createdAt, updatedAt)
    {
        Shared = shared;
    }

    private StoredDocument(DocumentKey key, LazyBody body, string eTag, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Key = key;
        this.body = body;
        ETag = eTag;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public DocumentKey Key { get; init; }

    /// <summary>The body; callers may change it (it is theirs, parsed for this read), and a typed read sees the change.</summary>
    public JsonObject Body
    {
        get => body.Value!;
        init => body = LazyBody.Of(value);
    }

    public string ETag { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The text read, while no one has asked for <see cref="Body"/>.</summary>
    internal string? UnparsedText => body.UnparsedText;

    internal SharedReads? Shared { get; }
}
