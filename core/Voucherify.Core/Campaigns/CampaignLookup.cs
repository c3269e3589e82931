using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Campaigns;

/// <summary>Resolves a campaign by id or by name, as every /campaigns/{campaignId} path allows.</summary>
public sealed class CampaignLookup(IDocumentStore store)
{
    public async Task<StoredDocument?> FindAsync(Project project, string idOrName, CancellationToken cancellationToken)
    {
        if (idOrName.StartsWith(IdPrefixes.Campaign, StringComparison.Ordinal))
        {
            var byId = await store.GetAsync(CampaignKeys.For(project, idOrName), cancellationToken);
            if (byId is not null)
            {
                return byId;
            }
        }

        var name = await store.GetAsync(CampaignKeys.ForName(project, idOrName), cancellationToken);
        var id = name?.Body["campaign_id"]?.GetValue<string>();
        return id is null ? null : await store.GetAsync(CampaignKeys.For(project, id), cancellationToken);
    }

    /// <summary>
    /// The campaign a voucher belongs to, read fresh so a disabled campaign stops its codes at once.
    /// A voucher whose campaign is gone is being deleted with it, so it no longer exists.
    /// </summary>
    public async ValueTask<Campaign?> OfVoucherAsync(Project project, Vouchers.Voucher voucher, CancellationToken cancellationToken)
    {
        if (voucher.CampaignId is null)
        {
            return null;
        }

        var document = await store.GetAsync(CampaignKeys.For(project, voucher.CampaignId), cancellationToken);
        return document?.ReadShared<Campaign>() ?? throw Problems.NotFound("voucher", voucher.Code);
    }

    public async Task<StoredDocument> GetAsync(Project project, string idOrName, CancellationToken cancellationToken) =>
        await FindAsync(project, idOrName, cancellationToken) ?? throw Problems.NotFound("campaign", idOrName);
}
