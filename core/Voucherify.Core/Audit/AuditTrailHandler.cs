using System.Security.Cryptography;
using System.Text;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Audit;

/// <summary>
/// Appends every change of every object to that object's audit trail. The entry id is derived from the change
/// (document, sequence, etag), so a redelivered change hits a create conflict and leaves one entry.
/// </summary>
public sealed class AuditTrailHandler(IDocumentStore store) : IBatchChangeHandler
{
    public const string HandlerName = "audit-trail";

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => !DerivedKinds.All.Contains(key.Kind);

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateAsync(EntryOf(change), cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Delivered before: the entry is there already.
        }
    }

    /// <summary>One batched create: an entry delivered before is a taken key, which the batch passes over.</summary>
    public Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken) =>
        store.CreateManyAsync(changes.Select(EntryOf).ToList(), cancellationToken);

    /// <summary>The entry a change makes, wherever the trail is kept; its id is derived from the change alone.</summary>
    public static AuditEntry Of(DocumentChange change) =>
        new()
        {
            Id = IdOf(change),
            ObjectId = change.Key.Id,
            ObjectType = change.Key.Kind,
            Change = change.Change.ToString().ToLowerInvariant(),
            Sequence = change.Sequence,
            Date = change.At,
            Etag = change.ETag,
            Data = change.Body?.DeepClone().AsObject(),
        };

    private static NewDocument EntryOf(DocumentChange change)
    {
        var entry = Of(change);
        return new NewDocument(AuditKeys.For(change.Key.ProjectId, change.Key.Id, entry.Id), DocumentJson.ToBody(entry));
    }

    private static string IdOf(DocumentChange change)
    {
        var identity = $"{change.Key}\n{change.Sequence}\n{change.ETag}";
        return "au_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
