using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Redemptions;

/// <summary>Redemptions and rollbacks are stored under their own id: written once, read by id, listed by query.</summary>
public static class RedemptionKeys
{
    public const string Kind = "redemption";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey For(string projectId, string id) => new(projectId, Kind, id, id);
}
