namespace Voucherify.Core.Storage;

/// <summary>
/// What an atomic write did: committed, with every document as stored (in the order of the writes), or refused at
/// <paramref name="FailedAt"/> with nothing written.
/// </summary>
public sealed record AtomicWriteResult(AtomicWriteOutcome Outcome, int FailedAt, IReadOnlyList<StoredDocument> Documents)
{
    public static AtomicWriteResult Committed(IReadOnlyList<StoredDocument> documents) => new(AtomicWriteOutcome.Committed, -1, documents);

    public static AtomicWriteResult Refused(int failedAt, AtomicWriteOutcome outcome) => new(outcome, failedAt, []);
}
