using System.Text.Json.Nodes;

namespace Voucherify.Core.AsyncActions;

/// <summary>
/// Long work done off the request (code generation, imports, bulk updates), polled by the client.
/// Payload is what the job needs to run or resume; it is not part of the wire object.
/// </summary>
public sealed record AsyncAction
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string Status { get; init; } = AsyncActionStatuses.Enqueued;

    public string? OperationStatus { get; init; }

    public JsonObject? Result { get; init; }

    public int Progress { get; init; }

    public long? ProcessingTime { get; init; }

    public string? RequestId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string Object { get; init; } = "async_action";
}
