namespace Voucherify.Core.Storage;

/// <summary>
/// Changes read from the feed, and the checkpoint to resume after them. A read that passed over changes its reader
/// did not want returns only the wanted ones; <paramref name="Scanned"/> counts them all, and the checkpoint resumes
/// after the last change read, wanted or not.
/// </summary>
public sealed record ChangeBatch(IReadOnlyList<DocumentChange> Changes, string Checkpoint, int Scanned);
