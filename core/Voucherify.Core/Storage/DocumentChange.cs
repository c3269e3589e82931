using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// One committed write as the change feed delivers it. Body is the document after the write
/// (null after a delete, and so is ETag). Sequence is ordered within the feed and is what a
/// checkpoint records. At is the write's UpdatedAt (for a delete, when it was deleted).
/// </summary>
public sealed record DocumentChange(long Sequence, DocumentKey Key, ChangeKind Change, JsonObject? Body, string? ETag, DateTimeOffset At);
