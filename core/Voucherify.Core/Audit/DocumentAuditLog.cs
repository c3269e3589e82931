using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Audit;

/// <summary>The trail as <see cref="AuditTrailHandler"/> writes it: audit documents, one partition per object.</summary>
public sealed class DocumentAuditLog(IDocumentStore store) : IAuditLog
{
    public async Task<AuditPage> ListAsync(Project project, string objectId, string? objectType, long? afterSequence, int limit, CancellationToken cancellationToken)
    {
        List<Condition> where = [Condition.Eq("object_id", objectId)];
        if (objectType is not null)
        {
            where.Add(Condition.Eq("object_type", objectType));
        }

        var query = new DocumentQuery(project.Id, AuditKeys.Kind) { PartitionKey = objectId, Where = where, OrderBy = "sequence", PageSize = limit };
        var total = await store.CountAsync(query, cancellationToken);
        if (afterSequence is { } after)
        {
            query = query with { Where = [.. where, Condition.Greater("sequence", after)] };
        }

        var page = await store.QueryAsync(query, cancellationToken);
        return new AuditPage(page.Items.Select(d => d.Read<AuditEntry>()).ToList(), total, page.Continuation is not null);
    }
}
