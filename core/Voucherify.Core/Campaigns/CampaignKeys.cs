using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Campaigns;

/// <summary>
/// A campaign is stored under its id; a second small document per name makes names unique
/// (a create conflict) and lets /campaigns/{name} resolve with a point read.
/// </summary>
public static class CampaignKeys
{
    public const string Kind = "campaign";
    public const string NameKind = "campaign_name";

    public static DocumentKey For(Project project, string id) => new(project.Id, Kind, id, id);

    public static DocumentKey ForName(Project project, string name) => new(project.Id, NameKind, name, name);
}
