namespace Voucherify.Core.Storage;

/// <summary>
/// The store port. Every operation is atomic on one document; nothing spans two documents, because
/// Cosmos DB cannot do that across partitions. Limits are enforced with <see cref="PatchAsync"/> guards.
/// Committed writes reach change handlers through the store's own change feed (Voucherify.Core.ChangeFeed),
/// not through this port: SQLite reads its change log, Cosmos DB runs the SDK's change feed processor.
/// </summary>
public interface IDocumentStore
{
    ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default);

    /// <exception cref="DocumentConflictException">A document with this key exists.</exception>
    Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates every document whose key is free, as <see cref="CreateAsync"/> would one by one, in far fewer round
    /// trips (bulk generation, derived records). Each document is created whole or not at all; the batch as a whole
    /// is not one transaction (on Cosmos DB the documents live in many partitions), so after a crash some may exist.
    /// A key taken already is no error: its slot answers false; of two documents with one key in a batch, exactly one is created.
    /// </summary>
    /// <returns>For each document, in order, whether this call created it.</returns>
    Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Replaces the body if the stored etag equals <paramref name="ifMatch"/> (or unconditionally when null).</summary>
    /// <returns>The stored document, or null if it does not exist.</returns>
    /// <exception cref="PreconditionFailedException">The etag did not match.</exception>
    Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the operations atomically if every condition holds on the current body (the body
    /// before this patch). Returns the patched document; null if it does not exist or a condition
    /// failed (<see cref="PatchResult"/> tells which). At least one operation is required.
    /// </summary>
    Task<PatchResult> PatchAsync(DocumentKey key, IReadOnlyList<PatchOperation> operations, IReadOnlyList<Condition>? conditions = null, CancellationToken cancellationToken = default);

    /// <returns>True if a document was deleted.</returns>
    /// <exception cref="PreconditionFailedException">The etag did not match.</exception>
    Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default);

    ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default);

    Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken = default);
}
