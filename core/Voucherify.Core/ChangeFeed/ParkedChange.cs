using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// A change a handler failed on <see cref="Attempts"/> times in a row, set aside so the handler can go on.
/// It carries the whole change (key, kind, body) so it can be inspected and replayed later.
/// </summary>
public sealed record ParkedChange
{
    public required string Id { get; init; }

    public required string Handler { get; init; }

    public required long Sequence { get; init; }

    public required string ProjectId { get; init; }

    public required string Kind { get; init; }

    public required string PartitionKey { get; init; }

    public required string DocumentId { get; init; }

    public required ChangeKind Change { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset At { get; init; }

    public JsonObject? Body { get; init; }

    public required string ErrorType { get; init; }

    public required string ErrorMessage { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset ParkedAt { get; init; }

    public DocumentKey DocumentKey => new(ProjectId, Kind, PartitionKey, DocumentId);
}
