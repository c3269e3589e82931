using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Campaigns;

/// <summary>Keeps campaign.vouchers_count by atomic increments, never by read-modify-write.</summary>
public sealed class CampaignVoucherCounter(IDocumentStore store)
{
    public Task AddAsync(Project project, string campaignId, long delta, CancellationToken cancellationToken) =>
        store.PatchAsync(CampaignKeys.For(project, campaignId), [PatchOperation.Increment("vouchers_count", delta)], null, cancellationToken);
}
