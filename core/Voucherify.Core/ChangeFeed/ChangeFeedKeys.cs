using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// Where the feed keeps its own bookkeeping: under a project id no configured project can have, so no API
/// caller ever sees it. Its writes are in the feed too; they are never delivered to handlers, which is what
/// keeps a checkpoint write from triggering another delivery and another checkpoint write.
/// </summary>
public static class ChangeFeedKeys
{
    public const string SystemProjectId = "_system";

    public const string CheckpointKind = "change_checkpoint";

    public const string ParkedKind = "change_parked";

    public static bool IsBookkeeping(DocumentKey key) =>
        key.ProjectId == SystemProjectId && key.Kind is CheckpointKind or ParkedKind;

    public static DocumentKey Checkpoint(string handler) => new(SystemProjectId, CheckpointKind, handler, handler);

    public static DocumentKey Parked(string handler, string id) => new(SystemProjectId, ParkedKind, handler, id);
}
