using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// The one way the summary handlers write a customer's summary document: read it (or start an empty one), apply the
/// change, and write it guarded by the etag read, so what a change remembers (counted record ids, order versions)
/// is written together with the counts it changed. Another writer in between makes the guard fail, and the change
/// is applied again on what they wrote.
/// </summary>
public static class CustomerSummaryWriter
{
    // The two summary handlers run side by side and a busy customer's summary is in both their batches: without a turn
    // per customer, about one write in five lost to the other handler and read, applied and wrote the summary again.
    // Within this process they now take turns (striped, so the locks stay few); other instances still meet the etag.
    private static readonly SemaphoreSlim[] Turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <param name="empty">The document of a customer with nothing counted yet.</param>
    /// <param name="apply">
    /// The next body, or null when the change is already in it (nothing to write). It may change and return the body it
    /// is given, which is read anew for every attempt: copying a busy customer's summary cost more than changing it.
    /// </param>
    public static Task ApplyAsync(IDocumentStore store, DocumentKey key, Func<JsonObject> empty, Func<JsonObject, JsonObject?> apply, CancellationToken cancellationToken) =>
        ApplyAsync(store, key, empty, current => Task.FromResult(apply(current)), cancellationToken);

    /// <param name="apply">As above, for a change that reads other documents to decide (run again on every conflict).</param>
    public static async Task ApplyAsync(IDocumentStore store, DocumentKey key, Func<JsonObject> empty, Func<JsonObject, Task<JsonObject?>> apply, CancellationToken cancellationToken)
    {
        var turn = Turns[(key.GetHashCode() & int.MaxValue) % Turns.Length];
        await turn.WaitAsync(cancellationToken);
        try
        {
            await ApplyInTurnAsync(store, key, empty, apply, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private static async Task ApplyInTurnAsync(IDocumentStore store, DocumentKey key, Func<JsonObject> empty, Func<JsonObject, Task<JsonObject?>> apply, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await store.GetAsync(key, cancellationToken);
            if (await apply(current?.Body ?? empty()) is not { } next)
            {
                return;
            }

            try
            {
                if (current is null)
                {
                    await store.CreateAsync(new NewDocument(key, next), cancellationToken);
                }
                else
                {
                    await store.ReplaceAsync(new NewDocument(key, next), current.ETag, cancellationToken);
                }

                return;
            }
            catch (Exception exception) when (exception is DocumentConflictException or PreconditionFailedException)
            {
                // Someone created or changed the summary meanwhile: read again and apply to theirs.
            }
        }
    }
}
