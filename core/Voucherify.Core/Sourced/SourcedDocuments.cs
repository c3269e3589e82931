using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Json;
using Voucherify.Core.Metadata;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Sourced;

/// <summary>
/// Reads and writes objects addressed by id or source_id. The object is written before its source_id alias, so an
/// alias normally points at an object that exists; an alias left pointing at nothing (a crash between deleting the
/// object and its alias) is taken over by the next writer. Of two requests racing to create one source_id, the one
/// whose alias create conflicts removes its own object and updates the winner's, so one object per source_id remains.
/// Every write is checked against the kind's metadata schema first, so a refused body writes nothing.
/// </summary>
public sealed class SourcedDocuments(IDocumentStore store, MetadataValidator metadata, SourceIdLookup sources)
{
    private const int MaxAttempts = 8;

    public async Task<StoredDocument?> FindAsync(Project project, SourcedKind kind, string idOrSource, CancellationToken cancellationToken) =>
        await store.GetAsync(kind.For(project, idOrSource), cancellationToken) ?? await sources.FindAsync(project, kind, idOrSource, cancellationToken);

    public async Task<StoredDocument> GetAsync(Project project, SourcedKind kind, string idOrSource, CancellationToken cancellationToken) =>
        await FindAsync(project, kind, idOrSource, cancellationToken) ?? throw Problems.NotFound(kind.ResourceType, idOrSource);

    /// <summary>
    /// POST upsert: an object with this id (else this source_id) is updated through <paramref name="shape"/>; otherwise
    /// one is created with the given id (or a new one) and source_id. Given both, the id wins and the source_id of a
    /// found object stays as it is, as the contract says.
    /// </summary>
    public async Task<StoredDocument> UpsertAsync(Project project, SourcedKind kind, string? id, string? sourceId, Func<JsonObject?, JsonObject> shape, CancellationToken cancellationToken)
    {
        id = string.IsNullOrEmpty(id) ? null : id;
        sourceId = string.IsNullOrEmpty(sourceId) ? null : sourceId;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = id is not null
                ? await store.GetAsync(kind.For(project, id), cancellationToken)
                : sourceId is not null ? await sources.FindAsync(project, kind, sourceId, cancellationToken) : null;
            if (existing is not null)
            {
                return await ReplaceAsync(project, kind, existing, shape, cancellationToken);
            }

            if (await TryCreateAsync(project, kind, id, sourceId, shape(null), cancellationToken) is { } created)
            {
                return created;
            }
        }

        throw Problems.Conflict($"The {kind.ResourceType} changed concurrently too often; try again.");
    }

    /// <summary>PUT: changes the object found by id or source_id; a concurrent write makes it read again and reapply.</summary>
    public async Task<StoredDocument> UpdateAsync(Project project, SourcedKind kind, string idOrSource, Func<JsonObject, JsonObject> shape, CancellationToken cancellationToken) =>
        await ReplaceAsync(project, kind, await GetAsync(project, kind, idOrSource, cancellationToken), current => shape(current!), cancellationToken);

    /// <summary>Deletes the object, then its alias if the alias still names it.</summary>
    public async Task DeleteAsync(Project project, SourcedKind kind, StoredDocument document, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(document.Key, null, cancellationToken);
        if (JsonText.Of(document.Body, "source_id") is not { } sourceId)
        {
            return;
        }

        var alias = await store.GetAsync(kind.ForSource(project, sourceId), cancellationToken);
        if (alias is not null && SourceIdLookup.TargetOf(alias) == document.Key.Id)
        {
            try
            {
                await store.DeleteAsync(alias.Key, alias.ETag, cancellationToken);
            }
            catch (PreconditionFailedException)
            {
                // Someone took the source_id over meanwhile: the alias is theirs now.
            }
        }
    }

    private async Task<StoredDocument> ReplaceAsync(Project project, SourcedKind kind, StoredDocument current, Func<JsonObject?, JsonObject> shape, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var body = shape(current.Body.DeepClone().AsObject());
            body["id"] = current.Key.Id;
            body["source_id"] = current.Body["source_id"]?.DeepClone();
            await metadata.CheckAsync(project, kind.MetadataObject, body["metadata"], cancellationToken);
            if (JsonNode.DeepEquals(body, current.Body))
            {
                // Every redemption carrying the same customer upserts it: an unchanged object is not written, so such
                // redemptions neither contend on the customer's etag nor feed the change feed a change that is none.
                return current;
            }

            try
            {
                return await store.ReplaceAsync(new NewDocument(current.Key, body), current.ETag, cancellationToken)
                    ?? throw Problems.NotFound(kind.ResourceType, current.Key.Id);
            }
            catch (PreconditionFailedException)
            {
                current = await store.GetAsync(current.Key, cancellationToken) ?? throw Problems.NotFound(kind.ResourceType, current.Key.Id);
            }
        }

        throw Problems.Conflict($"The {kind.ResourceType} changed concurrently too often; try again.");
    }

    /// <summary>
    /// The create of a new object without id or source_id, checked and given its id but not written, so the caller can
    /// commit it together with writes of its own. Such an object has no alias, so nothing else needs writing.
    /// </summary>
    public async Task<NewDocument> PrepareCreateAsync(Project project, SourcedKind kind, JsonObject body, CancellationToken cancellationToken) =>
        await PrepareAsync(project, kind, null, null, body, cancellationToken);

    /// <returns>The created object, or null when the caller should look again (the id or the source_id was taken meanwhile).</returns>
    private async Task<StoredDocument?> TryCreateAsync(Project project, SourcedKind kind, string? id, string? sourceId, JsonObject body, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(project, kind, id, sourceId, body, cancellationToken);
        var newId = prepared.Key.Id;
        StoredDocument created;
        try
        {
            created = await store.CreateAsync(prepared, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }

        if (sourceId is null || await ClaimSourceAsync(project, kind, sourceId, newId, cancellationToken))
        {
            return created;
        }

        await store.DeleteAsync(created.Key, null, cancellationToken);
        return id is null ? null : throw Problems.DuplicateSourceId(kind.ResourceType, sourceId);
    }

    private async Task<NewDocument> PrepareAsync(Project project, SourcedKind kind, string? id, string? sourceId, JsonObject body, CancellationToken cancellationToken)
    {
        var newId = id ?? IdGenerator.New(kind.IdPrefix, kind.IdLength);
        body["id"] = newId;
        body["source_id"] = sourceId;
        await metadata.CheckAsync(project, kind.MetadataObject, body["metadata"], cancellationToken);
        return new NewDocument(kind.For(project, newId), body);
    }

    private async Task<bool> ClaimSourceAsync(Project project, SourcedKind kind, string sourceId, string id, CancellationToken cancellationToken)
    {
        var aliasKey = kind.ForSource(project, sourceId);
        var aliasBody = new JsonObject { ["id"] = id };
        try
        {
            await store.CreateAsync(new NewDocument(aliasKey, aliasBody), cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
        }

        var alias = await store.GetAsync(aliasKey, cancellationToken);
        if (alias is not null && SourceIdLookup.TargetOf(alias) is { } target && await store.GetAsync(kind.For(project, target), cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            return alias is null
                ? await store.CreateAsync(new NewDocument(aliasKey, aliasBody), cancellationToken) is not null
                : await store.ReplaceAsync(new NewDocument(aliasKey, aliasBody), alias.ETag, cancellationToken) is not null;
        }
        catch (Exception exception) when (exception is DocumentConflictException or PreconditionFailedException)
        {
            return false;
        }
    }
}
