using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.redemptions</c> of every customer named in redemption records. Each record is counted once:
/// its id is remembered in the summary it changed, in the same etag-guarded write as the counts, so a redelivered
/// change, or one delivered to two instances at once, finds it there.
/// </summary>
public sealed class CustomerSummaryHandler(IDocumentStore store) : IChangeHandler
{
    public const string HandlerName = "customer-summary";

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == RedemptionKeys.Kind;

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        // Records are written once and only patched after (status, rollback markers); a later version of an
        // already counted record finds its id and changes nothing, and a store that collapses versions (the
        // Cosmos DB feed) still shows result and object of the first. Deleted records keep their counts.
        if (change.Body is null || RedemptionTally.Of(change.Body) is not { } tally)
        {
            return;
        }

        await CustomerSummaryWriter.ApplyAsync(
            store,
            CustomerSummaryKeys.For(change.Key.ProjectId, tally.CustomerKey),
            () => CustomerSummaryDocument.New(tally.CustomerKey, tally.CustomerId, tally.SourceId),
            current => CustomerSummaryDocument.HasCounted(current, tally.RecordId) ? null : CustomerSummaryDocument.Add(current, tally),
            cancellationToken);
    }
}
