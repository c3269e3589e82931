using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>
/// Generates a campaign's codes up to a target count. The target is absolute and progress is
/// recounted from the store, so a run cut short by a crash resumes without over- or under-filling.
/// </summary>
public sealed class CampaignVoucherGeneration(IDocumentStore store, VoucherService vouchers) : IAsyncActionHandler
{
    private const int BatchSize = 1000;

    public string Type => AsyncActionTypes.CampaignVouchersGenerate;

    public static JsonObject Payload(string campaignId, long target, VoucherCreateRequest? overrides) => new()
    {
        ["campaign_id"] = campaignId,
        ["target"] = target,
        ["overrides"] = overrides is null ? null : DocumentJson.ToNode(overrides),
    };

    public async Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var campaignId = payload["campaign_id"]!.GetValue<string>();
        var target = payload["target"]!.GetValue<long>();
        var overrides = payload["overrides"]?.Deserialize<VoucherCreateRequest>(Wire.Options);
        var generated = await GenerateAsync(project, campaignId, target, overrides, progress, cancellationToken);
        return new JsonObject { ["message"] = $"{generated} voucher(s) generated successfully.", ["done_count"] = generated };
    }

    public async Task<long> GenerateAsync(Project project, string campaignId, long target, VoucherCreateRequest? overrides, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var key = CampaignKeys.For(project, campaignId);
        var campaign = (await store.GetAsync(key, cancellationToken))?.Read<Campaign>();
        if (campaign is null)
        {
            return 0;
        }

        var request = CampaignVoucherDefaults.Apply(campaign, overrides ?? new VoucherCreateRequest());
        var existing = await CountAsync(project, campaignId, cancellationToken);
        var start = existing;
        while (existing < target)
        {
            // A batch is one transaction on SQLite: the count saved after it is what a restart finds in the store.
            existing += await vouchers.InsertGeneratedAsync(project, request, (int)Math.Min(BatchSize, target - existing), cancellationToken);
            await SetCountAsync(key, existing, null, cancellationToken);
            progress?.Report((int)((existing - start) * 100 / Math.Max(1, target - start)));
        }

        await SetCountAsync(key, await CountAsync(project, campaignId, cancellationToken), GenerationStatus.Done, cancellationToken);
        return Math.Max(0, target - start);
    }

    private Task<long> CountAsync(Project project, string campaignId, CancellationToken cancellationToken) =>
        store.CountAsync(new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = [Condition.Eq("campaign_id", campaignId)] }, cancellationToken);

    private Task SetCountAsync(DocumentKey key, long count, string? status, CancellationToken cancellationToken)
    {
        var operations = new List<PatchOperation> { PatchOperation.Set("vouchers_count", count) };
        if (status is not null)
        {
            operations.Add(PatchOperation.Set("creation_status", status));
            operations.Add(PatchOperation.Set("vouchers_generation_status", status));
            operations.Add(PatchOperation.Remove("async_action_id"));
        }

        return store.PatchAsync(key, operations, null, cancellationToken);
    }
}
