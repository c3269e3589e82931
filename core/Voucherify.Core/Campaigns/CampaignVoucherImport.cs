using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Projects;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>POST /v1/campaigns/{id}/import: an import whose vouchers join the campaign and take its defaults.</summary>
public sealed class CampaignVoucherImport(VoucherImport import) : IAsyncActionHandler
{
    public string Type => AsyncActionTypes.CampaignVouchersImport;

    public static JsonObject Payload(string campaignId, IReadOnlyList<JsonObject> entries)
    {
        var payload = VoucherImport.Payload(entries);
        payload["campaign_id"] = campaignId;
        return payload;
    }

    public Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken) =>
        import.RunAsync(project, payload, progress, cancellationToken);
}
