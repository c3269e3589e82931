using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// One committed write as the change feed delivers it. Body is the document after the write
/// (null after a delete, and so is ETag). Sequence is ordered within the feed and is what a
/// checkpoint records. At is the write's UpdatedAt (for a delete, when it was deleted).
/// </summary>
public sealed record DocumentChange
{
    private readonly LazyBody body;

    public DocumentChange(long sequence, DocumentKey key, ChangeKind change, JsonObject? body, string? eTag, DateTimeOffset at)
        : this(sequence, key, change, LazyBody.Of(body), eTag, at)
    {
    }

    private DocumentChange(long sequence, DocumentKey key, ChangeKind change, LazyBody body, string? eTag, DateTimeOffset at)
    {
        Sequence = sequence;
        Key = key;
        Change = change;
        this.body = body;
        ETag = eTag;
        At = at;
    }

    public long Sequence { get; init; }

    public DocumentKey Key { get; init; }

    public ChangeKind Change { get; init; }

    /// <summary>Parsed on first use when the change was read as text (<see cref="LazyBody"/>).</summary>
    public JsonObject? Body
    {
        get => body.Value;
        init => body = LazyBody.Of(value);
    }

    public string? ETag { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>A change whose body (null after a delete) is the stored text, parsed only if someone reads it.</summary>
    public static DocumentChange FromText(long sequence, DocumentKey key, ChangeKind change, string? text, string? eTag, DateTimeOffset at) =>
        new(sequence, key, change, LazyBody.FromText(text), eTag, at);
}
