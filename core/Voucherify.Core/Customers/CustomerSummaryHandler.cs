using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.redemptions</c> of every customer named in redemption records. Each record is counted once:
/// its id is remembered in the summary it changed, in the same etag-guarded write as the counts, so a redelivered
/// change, or one delivered to two instances at once, finds it there.
/// </summary>
public sealed class CustomerSummaryHandler(IDocumentStore store) : IBatchChangeHandler
{
    public const string HandlerName = "customer-summary";

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == RedemptionKeys.Kind;

    public Task HandleAsync(DocumentChange change, CancellationToken cancellationToken) => HandleBatchAsync([change], cancellationToken);

    /// <summary>One read and one write per customer named in the batch, however many of its records the batch holds.</summary>
    public async Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        // Records are written once and only patched after (status, rollback markers); a later version of an
        // already counted record finds its id and changes nothing, and a store that collapses versions (the
        // Cosmos DB feed) still shows result and object of the first. Deleted records keep their counts.
        var tallies = changes
            .Where(change => change.Body is not null)
            .Select(change => (Project: change.Key.ProjectId, Tally: RedemptionTally.Of(change.Body!)))
            .Where(item => item.Tally is not null)
            .GroupBy(item => CustomerSummaryKeys.For(item.Project, item.Tally!.CustomerKey), item => item.Tally!);
        foreach (var customer in tallies)
        {
            var first = customer.First();
            await CustomerSummaryWriter.ApplyAsync(
                store,
                customer.Key,
                () => CustomerSummaryDocument.New(first.CustomerKey, first.CustomerId, first.SourceId),
                current => CustomerSummaryDocument.AddUncounted(current, customer),
                cancellationToken);
        }
    }
}
