using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Redemptions;

/// <summary>Reads of redemptions: by id, the list with its filters, and one voucher's redemptions.</summary>
public sealed class RedemptionQueries(IDocumentStore store)
{
    private static readonly Dictionary<string, string> FilterPaths = new(StringComparer.Ordinal)
    {
        ["voucher_code"] = "voucher.code",
        ["related_object_id"] = "related_object_id",
        ["related_object_parent_id"] = "voucher.campaign_id",
        ["parent_redemption_id"] = "redemption",
        ["failure_code"] = "failure_code",
        ["result"] = "result",
        ["status"] = "status",
        ["object"] = "object",
        ["customer_id"] = "customer_id",
        ["campaign_name"] = "voucher.campaign",
        ["campaign_id"] = "voucher.campaign_id",
    };

    private static readonly Dictionary<string, string> SortPaths = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["date"] = "created_at",
    };

    public async Task<Redemption> GetAsync(Project project, string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(RedemptionKeys.For(project, id), cancellationToken) ?? throw Problems.NotFound("redemption", id);
        return document.Read<Redemption>();
    }

    /// <summary>A page of redemptions to show: each may be the object every reader of its version gets, so none may be changed.</summary>
    public Task<PagedResult<Redemption>> ListAsync(Project project, RedemptionListQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<Condition>();
        if (query.Results.Count > 0)
        {
            conditions.Add(Condition.In("result", new JsonArray(query.Results.Select(r => (JsonNode?)r).ToArray())));
        }

        if (query.CampaignName is not null)
        {
            conditions.Add(Condition.Eq("voucher.campaign", query.CampaignName));
        }

        if (query.Customer is not null)
        {
            conditions.Add(Condition.Eq("customer_id", query.Customer));
        }

        conditions.AddRange(query.CreatedAt.Conditions("created_at"));
        conditions.AddRange(FieldFilters.ToConditions(query.Filters, FilterPaths, query.Junction));
        var (path, descending) = Sort(query.Order);
        var documentQuery = new DocumentQuery(project.Id, RedemptionKeys.Kind) { Where = conditions, OrderBy = path, Descending = descending };
        return PageReader.ReadSharedAsync<Redemption>(store, documentQuery, query.Paging, cancellationToken);
    }

    /// <summary>GET /v1/vouchers/{code}/redemption: the voucher's counters and its redemption entries.</summary>
    public async Task<VoucherRedemptions> ForVoucherAsync(Project project, Vouchers.Voucher voucher, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(project.Id, RedemptionKeys.Kind)
        {
            Where = [Condition.Eq("voucher.code", voucher.Code)],
            OrderBy = "created_at",
            Descending = true,
        };
        var entries = new List<Redemption>();
        await foreach (var document in store.ScanAsync(query, cancellationToken))
        {
            entries.Add(document.Read<Redemption>());
            if (entries.Count == VoucherRedemptions.MaxEntries)
            {
                break;
            }
        }

        return new VoucherRedemptions
        {
            Quantity = voucher.Redemption.Quantity,
            RedeemedQuantity = voucher.Redemption.RedeemedQuantity,
            Url = voucher.Redemption.Url,
            Total = entries.Count,
            RedemptionEntries = entries,
        };
    }

    private static (string Path, bool Descending) Sort(string order)
    {
        var field = order.TrimStart('-');
        return SortPaths.TryGetValue(field, out var path)
            ? (path, order.StartsWith('-'))
            : throw Problems.InvalidQueryParams("order must be created_at or -created_at.");
    }
}
