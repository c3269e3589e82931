using Voucherify.Core.Caching;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Sourced;

/// <summary>
/// Finds an object by its source_id. That takes two point reads, the alias and then the object, and a checkout names
/// its customer by source_id on every validate and redeem (on Cosmos DB each read is a round trip). So the version an
/// alias led to last time is remembered, and the next lookup reads that object first: while it is still that version
/// (same etag), the alias still names it, since an alias moves to another object only once its object is gone, and a
/// source_id never changes on an object (<see cref="SourcedDocuments"/>). A changed version costs the alias read again,
/// as before; a deleted object falls back to the alias. Every instance keeps its own memory, checked against the store,
/// so several instances on one store stay right.
/// </summary>
public sealed class SourceIdLookup(IDocumentStore store)
{
    // Up to 100,000 source ids: ~30 MB at most, the strings mostly shared with the documents read.
    private readonly BoundedMap<(string Project, string Kind, string SourceId), (string Id, string ETag)> known = new(100_000);

    public async ValueTask<StoredDocument?> FindAsync(Project project, SourcedKind kind, string sourceId, CancellationToken cancellationToken)
    {
        var name = (project.Id, kind.ResourceType, sourceId);
        StoredDocument? remembered = null;
        if (known.TryGet(name, out var last))
        {
            remembered = await store.GetAsync(kind.For(project, last.Id), cancellationToken);
            if (remembered?.ETag == last.ETag)
            {
                return remembered;
            }
        }

        var alias = await store.GetAsync(kind.ForSource(project, sourceId), cancellationToken);
        if (TargetOf(alias) is not { } id)
        {
            known.Remove(name);
            return null;
        }

        // The object read first is still the one the alias names, only changed since: no need to read it again.
        var found = remembered?.Key.Id == id ? remembered : await store.GetAsync(kind.For(project, id), cancellationToken);
        if (found is null)
        {
            known.Remove(name);
            return null;
        }

        known.Set(name, (id, found.ETag));
        return found;
    }

    /// <summary>The id an alias names (its body is only read, so the shared tree serves).</summary>
    internal static string? TargetOf(StoredDocument? alias) => alias is null ? null : JsonText.Of(alias.ReadSharedTree(), "id");
}
