using Voucherify.Core.Audit;
using Voucherify.Core.Customers;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// The kinds the handlers write and never consume: audit entries, customer summaries and order tallies, the feed's own
/// checkpoints and parked changes. The one list of them: the SQLite store leaves them out of its change log, the audit
/// trail does not audit them (on Cosmos DB the feed carries every write and the handlers pass these over), and the
/// API tests' store snapshots ignore them. A test holds every registered handler to never wanting one.
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
