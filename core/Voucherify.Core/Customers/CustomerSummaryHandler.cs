using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Keeps <c>summary.redemptions</c> of every customer named in redemption records. Each record is counted once, and
/// what makes it so is written in the same etag-guarded write as the counts, so a redelivered change, or one delivered
/// to two instances at once, changes nothing: on a feed of every version in one order (<see cref="ChangeFeedOrder"/>)
/// the record's creation is counted and the summary keeps the last sequence it counted; otherwise the record is
/// counted from whichever version comes first and its id is remembered.
/// </summary>
public sealed class CustomerSummaryHandler(IDocumentStore store, ChangeFeedOrder? order = null) : IBatchChangeHandler
{
    public const string HandlerName = "customer-summary";

    private readonly bool inOrder = (order ?? ChangeFeedOrder.LatestVersions).EveryVersionInOneOrder;

    public string Name => HandlerName;

    public bool Wants(DocumentKey key) => key.Kind == RedemptionKeys.Kind;

    public Task HandleAsync(DocumentChange change, CancellationToken cancellationToken) => HandleBatchAsync([change], cancellationToken);

    /// <summary>One read and one write per customer named in the batch, however many of its records the batch holds.</summary>
    public async Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        // Records are written once and only patched after (status, rollback markers); a later version of an
        // already counted record finds its id and changes nothing, and a store that collapses versions (the
        // Cosmos DB feed) still shows result and object of the first. Deleted records keep their counts.
        // In order, every record's creation comes before its patches, so the creation is the version counted.
        var tallies = changes
            .Where(change => change.Body is not null && (!inOrder || change.Change == ChangeKind.Created))
            .Select(change => (Project: change.Key.ProjectId, Tally: RedemptionTally.Of(change.Body!), change.Sequence))
            .Where(item => item.Tally is not null)
            .GroupBy(item => CustomerSummaryKeys.For(item.Project, item.Tally!.CustomerKey), item => (Tally: item.Tally!, item.Sequence));
        foreach (var customer in tallies)
        {
            var first = customer.First().Tally;
            await CustomerSummaryWriter.ApplyAsync(
                store,
                customer.Key,
                () => CustomerSummaryDocument.New(first.CustomerKey, first.CustomerId, first.SourceId, inOrder),
                current => inOrder
                    ? CustomerSummaryDocument.AddAfterCounted(current, customer)
                    : CustomerSummaryDocument.AddUncounted(current, customer.Select(item => item.Tally)),
                cancellationToken);
        }
    }
}
