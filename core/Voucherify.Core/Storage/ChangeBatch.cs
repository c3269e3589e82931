namespace Voucherify.Core.Storage;

/// <summary>Changes read from the feed, and the checkpoint to resume after them.</summary>
public sealed record ChangeBatch(IReadOnlyList<DocumentChange> Changes, string Checkpoint);
