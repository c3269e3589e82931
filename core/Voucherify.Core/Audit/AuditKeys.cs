using Voucherify.Core.Storage;

namespace Voucherify.Core.Audit;

/// <summary>Audit entries are stored per object: partition key = the audited document's id, so one object's trail is one partition.</summary>
public static class AuditKeys
{
    public const string Kind = "audit";

    public static DocumentKey For(string projectId, string objectId, string entryId) => new(projectId, Kind, objectId, entryId);
}
