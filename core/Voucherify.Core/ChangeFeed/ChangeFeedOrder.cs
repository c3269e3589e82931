namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// What a store's change feed promises about what it delivers, which decides how the summary handlers recognise a change
/// they applied before. SQLite's change log delivers every version of every document in one order, to one loop per
/// handler, so a summary keeps the last sequence it applied: any change at or below it was applied. Cosmos DB's feed
/// delivers the latest version of a document (earlier ones may be folded into it), ordered only within a partition key
/// range, several ranges at once, so a summary remembers what it applied by id. Handlers given no order take the
/// second, which is safe on either store.
/// </summary>
public sealed class ChangeFeedOrder
{
    public static readonly ChangeFeedOrder EveryVersion = new(everyVersionInOneOrder: true);

    public static readonly ChangeFeedOrder LatestVersions = new(everyVersionInOneOrder: false);

    private ChangeFeedOrder(bool everyVersionInOneOrder) => EveryVersionInOneOrder = everyVersionInOneOrder;

    public bool EveryVersionInOneOrder { get; }
}
