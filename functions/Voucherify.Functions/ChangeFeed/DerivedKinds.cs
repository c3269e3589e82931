using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;

namespace Voucherify.Functions.ChangeFeed;

/// <summary>
/// The kinds the registered handlers write and never consume: audit entries, customer summaries and order tallies,
/// the feed's own checkpoints and parked changes. The SQLite store leaves them out of its change log (on Cosmos DB the
/// feed carries every write and the handlers pass these over). A test holds every registered handler to this.
/// </summary>
public static class DerivedKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditKeys.Kind,
        CustomerSummaryKeys.Kind,
        CustomerOrderTallyKeys.Kind,
        ChangeFeedKeys.CheckpointKind,
        ChangeFeedKeys.ParkedKind,
    };
}
