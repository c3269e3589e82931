using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>One checkpoint document per handler, so each handler resumes on its own after a restart.</summary>
public sealed class ChangeCheckpoints(IDocumentStore store)
{
    public async Task<string?> ReadAsync(string handler, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(ChangeFeedKeys.Checkpoint(handler), cancellationToken);
        return document?.Body["checkpoint"]?.GetValue<string>();
    }

    /// <summary>Only the handler's own loop writes its checkpoint, so a plain upsert is enough.</summary>
    public async Task SaveAsync(string handler, string checkpoint, CancellationToken cancellationToken)
    {
        var document = new NewDocument(ChangeFeedKeys.Checkpoint(handler), new JsonObject
        {
            ["handler"] = handler,
            ["checkpoint"] = checkpoint,
        });
        if (await store.ReplaceAsync(document, ifMatch: null, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await store.CreateAsync(document, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            // Created between our replace and create (a second instance): last writer wins, as with the replace.
            await store.ReplaceAsync(document, ifMatch: null, cancellationToken);
        }
    }
}
