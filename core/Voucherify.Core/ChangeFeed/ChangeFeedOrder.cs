using System.Diagnostics.CodeAnalysis;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// What a store's change feed promises about what it delivers, which decides how the summary handlers recognise a change
/// they applied before. SQLite's change log delivers every version of every document in one order, to one loop per
/// handler, and keeps them (<see cref="Log"/>), so a summary keeps the last sequence it applied (any change at or below
/// it was applied) and finds a document's previous version in the log. Cosmos DB's feed delivers the latest version of
/// a document (earlier ones may be folded into it), ordered only within a partition key range, several ranges at once,
/// so a summary remembers what it applied by id and keeps what it needs of earlier versions itself. Handlers given no
/// order take the second, which is safe on either store.
/// </summary>
public sealed class ChangeFeedOrder
{
    public static readonly ChangeFeedOrder LatestVersions = new(log: null);

    private ChangeFeedOrder(IVersionLog? log) => Log = log;

    /// <summary>The log that keeps every version, when the feed delivers every version in one order.</summary>
    public IVersionLog? Log { get; }

    [MemberNotNullWhen(true, nameof(Log))]
    public bool EveryVersionInOneOrder => Log is not null;

    /// <summary>A feed of every version in one order, whose versions <paramref name="log"/> keeps.</summary>
    public static ChangeFeedOrder EveryVersion(IVersionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new ChangeFeedOrder(log);
    }
}
