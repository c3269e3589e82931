namespace Voucherify.Core.Storage;

/// <summary>
/// What a store that can commit writes to several documents as one transaction offers beyond
/// <see cref="IDocumentStore"/>: all of them or none, however they interleave with other writers. The embedded SQLite
/// store can; Cosmos DB cannot across partitions, so callers keep a path that needs only single-document atomicity
/// and take this one when the store offers it.
/// </summary>
public interface IAtomicDocumentWriter
{
    /// <summary>
    /// Runs the writes in order in one transaction. The first write that cannot be applied (a guard fails, the
    /// document is missing, the key is taken) undoes the ones before it, and the result names it.
    /// </summary>
    Task<AtomicWriteResult> WriteAtomicallyAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);
}
