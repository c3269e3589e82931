using Voucherify.Core.Projects;

namespace Voucherify.Core.Audit;

/// <summary>
/// Where one object's trail is read: oldest first, optionally after a sequence (to page, or to follow new entries).
/// A store with a change log of its own (SQLite) serves it from that log; otherwise the change feed writes it
/// (<see cref="AuditTrailHandler"/>, read by <see cref="DocumentAuditLog"/>).
/// </summary>
public interface IAuditLog
{
    Task<AuditPage> ListAsync(Project project, string objectId, string? objectType, long? afterSequence, int limit, CancellationToken cancellationToken);
}
