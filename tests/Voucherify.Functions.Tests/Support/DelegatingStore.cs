using Voucherify.Core.Storage;

namespace Voucherify.Functions.Tests.Support;

/// <summary>A host's real store seen through a test's wrapper: every call goes to it; a wrapper overrides the reads it watches.</summary>
public abstract class DelegatingStore(IDocumentStore inner) : IDocumentStore
{
    public virtual ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        inner.GetAsync(key, cancellationToken);

    public virtual ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(document, cancellationToken);

    public Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken = default) =>
        inner.CreateManyAsync(documents, cancellationToken);

    public Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default) =>
        inner.ReplaceAsync(document, ifMatch, cancellationToken);

    public Task<PatchResult> PatchAsync(DocumentKey key, IReadOnlyList<PatchOperation> operations, IReadOnlyList<Condition>? conditions = null, CancellationToken cancellationToken = default) =>
        inner.PatchAsync(key, operations, conditions, cancellationToken);

    public Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, ifMatch, cancellationToken);

    public Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        inner.CountAsync(query, cancellationToken);
}
