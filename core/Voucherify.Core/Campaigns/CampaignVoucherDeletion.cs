using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>Deletes the vouchers of a deleted campaign; their campaign is already gone, so none can be redeemed meanwhile.</summary>
public sealed class CampaignVoucherDeletion(IDocumentStore store) : IAsyncActionHandler
{
    public string Type => AsyncActionTypes.CampaignVouchersDelete;

    public async Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var campaignId = payload["campaign_id"]!.GetValue<string>();
        var query = new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = [Condition.Eq("campaign_id", campaignId)], PageSize = 500 };
        long deleted = 0;
        while (true)
        {
            var page = await store.QueryAsync(query, cancellationToken);
            if (page.Items.Count == 0)
            {
                break;
            }

            foreach (var voucher in page.Items)
            {
                deleted += await store.DeleteAsync(voucher.Key, null, cancellationToken) ? 1 : 0;
            }
        }

        return new JsonObject { ["message"] = $"{deleted} voucher(s) deleted successfully.", ["done_count"] = deleted };
    }
}
