using System.Text.Json.Nodes;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Vouchers;

/// <summary>Translates list filters into a store query.</summary>
public static class VoucherQueries
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
        ["code"] = "code",
    };

    public static DocumentQuery From(Project project, VoucherListQuery query)
    {
        var conditions = new List<Condition>();
        AddEq(conditions, "campaign", query.CampaignName);
        AddEq(conditions, "campaign_id", query.CampaignId);
        AddEq(conditions, "category", query.Category);
        AddEq(conditions, "holder_id", query.HolderId);
        AddEq(conditions, "code", query.Code);
        if (query.Ids.Count > 0)
        {
            conditions.Add(Condition.In("id", new JsonArray(query.Ids.Select(id => (JsonNode?)id).ToArray())));
        }

        conditions.AddRange(query.CreatedAt.Conditions("created_at"));
        conditions.AddRange(query.UpdatedAt.Conditions("updated_at"));
        var sort = SortOrder.Parse(query.Order, SortFields);
        return new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = conditions, OrderBy = sort.Path, Descending = sort.Descending };
    }

    private static void AddEq(List<Condition> conditions, string path, string? value)
    {
        if (value is not null)
        {
            conditions.Add(Condition.Eq(path, value));
        }
    }
}
