using System.Security.Cryptography;
using System.Text;
using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>The poison shelf: one document per handler and change, under the feed's system project.</summary>
public sealed class ParkedChanges(IDocumentStore store, TimeProvider clock)
{
    public async Task<ParkedChange> ParkAsync(string handler, DocumentChange change, Exception error, int attempts, CancellationToken cancellationToken)
    {
        var parked = new ParkedChange
        {
            Id = IdOf(handler, change),
            Handler = handler,
            Sequence = change.Sequence,
            ProjectId = change.Key.ProjectId,
            Kind = change.Key.Kind,
            PartitionKey = change.Key.PartitionKey,
            DocumentId = change.Key.Id,
            Change = change.Change,
            ETag = change.ETag,
            At = change.At,
            Body = change.Body?.DeepClone().AsObject(),
            ErrorType = error.GetType().FullName ?? error.GetType().Name,
            ErrorMessage = error.Message,
            Attempts = attempts,
            ParkedAt = clock.GetUtcNow(),
        };

        // The id is derived from the change, so parking it again after a restart overwrites rather than duplicates.
        var document = new NewDocument(ChangeFeedKeys.Parked(handler, parked.Id), DocumentJson.ToBody(parked));
        if (await store.ReplaceAsync(document, ifMatch: null, cancellationToken) is null)
        {
            try
            {
                await store.CreateAsync(document, cancellationToken);
            }
            catch (DocumentConflictException)
            {
                await store.ReplaceAsync(document, ifMatch: null, cancellationToken);
            }
        }

        return parked;
    }

    /// <summary>Whether <paramref name="change"/> was parked for <paramref name="handler"/>: it took no effect there.</summary>
    public static async Task<bool> HoldsAsync(IDocumentStore store, string handler, DocumentChange change, CancellationToken cancellationToken) =>
        await store.GetAsync(ChangeFeedKeys.Parked(handler, IdOf(handler, change)), cancellationToken) is not null;

    public async Task<IReadOnlyList<ParkedChange>> ListAsync(string handler, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(ChangeFeedKeys.SystemProjectId, ChangeFeedKeys.ParkedKind) { PartitionKey = handler, OrderBy = "sequence" };
        var parked = new List<ParkedChange>();
        await foreach (var document in store.ScanAsync(query, cancellationToken))
        {
            parked.Add(document.Read<ParkedChange>());
        }

        return parked;
    }

    /// <summary>Handler, document and etag name one version of one document for one handler; hashed to be a safe id.</summary>
    private static string IdOf(string handler, DocumentChange change)
    {
        var identity = $"{handler}\n{change.Key}\n{change.Sequence}\n{change.ETag}";
        return "pk_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
