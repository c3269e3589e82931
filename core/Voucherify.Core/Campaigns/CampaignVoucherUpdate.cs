using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>
/// Carries campaign changes down to its vouchers (dates, validity, discount, active), each by a
/// patch of only those fields so redemption counters are never overwritten. Repeating it is harmless.
/// </summary>
public sealed class CampaignVoucherUpdate(IDocumentStore store) : IAsyncActionHandler
{
    public string Type => AsyncActionTypes.CampaignVouchersUpdate;

    public static JsonObject Payload(string campaignId, JsonObject fields) => new() { ["campaign_id"] = campaignId, ["set"] = fields };

    public async Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var campaignId = payload["campaign_id"]!.GetValue<string>();
        var fields = payload["set"] as JsonObject ?? [];
        var updated = await ApplyAsync(project, campaignId, fields, cancellationToken);
        return new JsonObject { ["message"] = $"{updated} voucher(s) updated successfully.", ["done_count"] = updated };
    }

    public async Task<long> ApplyAsync(Project project, string campaignId, JsonObject fields, CancellationToken cancellationToken)
    {
        var operations = fields.Select(f => PatchOperation.Set(f.Key, f.Value?.DeepClone())).ToList();
        if (operations.Count == 0)
        {
            return 0;
        }

        long updated = 0;
        var query = new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = [Condition.Eq("campaign_id", campaignId)], PageSize = 500 };
        await foreach (var voucher in store.ScanAsync(query, cancellationToken))
        {
            var result = await store.PatchAsync(voucher.Key, operations, null, cancellationToken);
            updated += result.Outcome == PatchOutcome.Applied ? 1 : 0;
        }

        return updated;
    }
}
