using System.Text.Json.Nodes;

namespace Voucherify.Core.Audit;

/// <summary>One committed write of one object: what changed (created, replaced, patched, deleted), when, and the object after it.</summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }

    public string Object { get; init; } = "audit_entry";

    public required string ObjectId { get; init; }

    /// <summary>The stored kind: voucher, campaign, redemption, async_action ...</summary>
    public required string ObjectType { get; init; }

    public required string Change { get; init; }

    /// <summary>Position in the change feed; orders one object's entries.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset Date { get; init; }

    public string? Etag { get; init; }

    /// <summary>The object as it was after the write; null after a delete.</summary>
    public JsonObject? Data { get; init; }
}
