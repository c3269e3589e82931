using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Projects;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The audit trail read straight from the change log, which holds every committed write of every object in commit
/// order with the body it left: exactly what an audit entry is. No second copy is written (the log was already one),
/// and an entry has the same id it would have as an audit document (<see cref="AuditTrailHandler.Of"/>).
/// </summary>
public sealed class SqliteAuditLog(SqliteDocumentStore store) : IAuditLog
{
    public async Task<AuditPage> ListAsync(Project project, string objectId, string? objectType, long? afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var (changes, total) = await store.ReadObjectChangesAsync(project.Id, objectId, objectType, DerivedKinds.All, afterSequence ?? 0, limit + 1, cancellationToken);
        return new AuditPage(changes.Take(limit).Select(AuditTrailHandler.Of).ToList(), total, changes.Count > limit);
    }
}
