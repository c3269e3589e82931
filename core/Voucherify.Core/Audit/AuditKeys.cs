using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Audit;

/// <summary>Audit entries are stored per object: partition key = the audited document's id, so one object's trail is one partition.</summary>
public static class AuditKeys
{
    public const string Kind = "audit";

    /// <summary>Kinds derived from other writes (and the feed's own bookkeeping): auditing them would only repeat what their sources' trails say.</summary>
    public static readonly IReadOnlySet<string> Untracked = new HashSet<string>(StringComparer.Ordinal)
    {
        Kind, CustomerSummaryKeys.Kind, CustomerOrderTallyKeys.Kind, ChangeFeedKeys.CheckpointKind, ChangeFeedKeys.ParkedKind,
    };

    public static DocumentKey For(string projectId, string objectId, string entryId) => new(projectId, Kind, objectId, entryId);
}
