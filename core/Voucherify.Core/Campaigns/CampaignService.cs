using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Core.Metadata;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>Campaign create (with its codes), read, update, delete, list, toggle, and adding vouchers.</summary>
public sealed class CampaignService(
    IDocumentStore store,
    CampaignLookup campaigns,
    VoucherService vouchers,
    CampaignVoucherGeneration generation,
    CampaignVoucherUpdate propagation,
    AsyncActionService actions,
    CampaignSettings settings,
    MetadataValidator metadata,
    AssignmentService assignments,
    TimeProvider clock)
{
    private static readonly string[] Updatable =
    [
        "start_date", "expiration_date", "validity_timeframe", "validity_day_of_week", "validity_hours", "description",
        "category", "category_id", "metadata", "activity_duration_after_publishing", "join_once", "auto_join", "type",
    ];

    private static readonly string[] Inherited = ["start_date", "expiration_date", "validity_timeframe", "validity_day_of_week", "validity_hours", "discount"];

    public async Task<Campaign> CreateAsync(Project project, CampaignCreateRequest request, string? requestId, CancellationToken cancellationToken)
    {
        await metadata.CheckAsync(project, "campaign", request.Metadata, cancellationToken);

        // Every code the campaign generates carries the template's metadata: checked once here, before any is written.
        await metadata.CheckAsync(project, "voucher", request.Voucher?.Metadata, cancellationToken);
        var campaign = CampaignFactory.Create(request, clock.GetUtcNow());
        await assignments.CheckExistAsync(project, request.ValidationRules, cancellationToken);
        await ReserveNameAsync(project, campaign, cancellationToken);
        var target = request.VouchersCount ?? 0;
        if (target <= settings.SyncLimit)
        {
            await store.CreateAsync(new NewDocument(CampaignKeys.For(project, campaign.Id), DocumentJson.ToBody(campaign)), cancellationToken);
            await assignments.AssignAllAsync(project, request.ValidationRules, AssignmentService.Campaign, campaign.Id, cancellationToken);
            await generation.GenerateAsync(project, campaign.Id, target, null, null, cancellationToken);
            return await ReadAsync(project, campaign.Id, cancellationToken);
        }

        var pending = campaign with { CreationStatus = GenerationStatus.InProgress, VouchersGenerationStatus = GenerationStatus.InProgress };
        await store.CreateAsync(new NewDocument(CampaignKeys.For(project, campaign.Id), DocumentJson.ToBody(pending)), cancellationToken);
        await assignments.AssignAllAsync(project, request.ValidationRules, AssignmentService.Campaign, campaign.Id, cancellationToken);
        var action = await actions.StartAsync(project, AsyncActionTypes.CampaignVouchersGenerate, CampaignVoucherGeneration.Payload(campaign.Id, target, null), requestId, cancellationToken);
        await store.PatchAsync(CampaignKeys.For(project, campaign.Id), [PatchOperation.Set("async_action_id", action.Id)], [Condition.Eq("creation_status", GenerationStatus.InProgress)], cancellationToken);
        return await ReadAsync(project, campaign.Id, cancellationToken);
    }

    public async Task<Campaign> GetAsync(Project project, string idOrName, CancellationToken cancellationToken) =>
        await ShowAsync(project, (await campaigns.GetAsync(project, idOrName, cancellationToken)).Read<Campaign>(), cancellationToken);

    public Task<PagedResult<Campaign>> ListAsync(Project project, CampaignListQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.CampaignType is null ? new List<Condition>() : [Condition.Eq("campaign_type", query.CampaignType)];
        var field = query.Order.TrimStart('-');
        if (field is not ("created_at" or "updated_at"))
        {
            throw Problems.InvalidQueryParams("order must be created_at, -created_at, updated_at or -updated_at.");
        }

        var documentQuery = new DocumentQuery(project.Id, CampaignKeys.Kind) { Where = conditions, OrderBy = field, Descending = query.Order.StartsWith('-') };
        return PageReader.ReadAsync<Campaign>(store, documentQuery, query.Paging, cancellationToken);
    }

    /// <summary>PUT is partial; date, validity and discount changes carry down to the campaign's vouchers.</summary>
    public async Task<Campaign> UpdateAsync(Project project, string idOrName, JsonObject changes, string? requestId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(project, idOrName, cancellationToken);
        if (changes.ContainsKey("metadata"))
        {
            await metadata.CheckAsync(project, "campaign", changes["metadata"], cancellationToken);
        }

        var (operations, inherited) = CampaignUpdate.Operations(current, changes, Updatable, Inherited);
        if (operations.Count == 0)
        {
            // Nothing the client may change was sent: the campaign as it is, no write.
            return current;
        }

        var result = await store.PatchAsync(CampaignKeys.For(project, current.Id), operations, null, cancellationToken);
        var updated = result.Document?.Read<Campaign>() ?? throw Problems.NotFound("campaign", idOrName);
        await PropagateAsync(project, updated, inherited, requestId, cancellationToken);
        return updated;
    }

    /// <summary>Deletes the campaign at once (its codes stop working) and its vouchers in an async action.</summary>
    public async Task<AsyncAction> DeleteAsync(Project project, string idOrName, string? requestId, CancellationToken cancellationToken)
    {
        var campaign = await GetAsync(project, idOrName, cancellationToken);
        await store.DeleteAsync(CampaignKeys.For(project, campaign.Id), null, cancellationToken);
        await store.DeleteAsync(CampaignKeys.ForName(project, campaign.Name), null, cancellationToken);
        return await actions.StartAsync(project, AsyncActionTypes.CampaignVouchersDelete, new JsonObject { ["campaign_id"] = campaign.Id }, requestId, cancellationToken);
    }

    /// <summary>Disabling stops every code of the campaign at once; the vouchers' own flags follow.</summary>
    public async Task<Campaign> SetActiveAsync(Project project, string idOrName, bool active, string? requestId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(project, idOrName, cancellationToken);
        var result = await store.PatchAsync(
            CampaignKeys.For(project, current.Id),
            [PatchOperation.Set("active", active)],
            null,
            cancellationToken);
        var updated = result.Document?.Read<Campaign>() ?? throw Problems.NotFound("campaign", idOrName);
        await PropagateAsync(project, updated, new JsonObject { ["active"] = active }, requestId, cancellationToken);
        return updated;
    }

    /// <summary>POST /v1/campaigns/{id}/vouchers: one voucher at once, more in an async action.</summary>
    public async Task<object> AddVouchersAsync(Project project, string idOrName, long count, VoucherCreateRequest overrides, string? requestId, CancellationToken cancellationToken)
    {
        if (count is < 1 or > CampaignFactory.MaxVouchersCount)
        {
            throw Problems.InvalidQueryParams($"vouchers_count must be from 1 to {CampaignFactory.MaxVouchersCount}.");
        }

        var campaign = await GetAsync(project, idOrName, cancellationToken);
        if (count == 1)
        {
            return await vouchers.CreateAsync(project, overrides with { CampaignId = campaign.Id, Campaign = null }, null, cancellationToken);
        }

        var target = checked(campaign.VouchersCount + count);
        var payload = CampaignVoucherGeneration.Payload(campaign.Id, target, overrides);
        var action = await actions.StartAsync(project, AsyncActionTypes.CampaignVouchersGenerate, payload, requestId, cancellationToken);
        return new AsyncActionAccepted(action.Id);
    }

    /// <summary>POST /v1/campaigns/{id}/vouchers/{code}: one voucher with this code.</summary>
    public async Task<Voucher> AddVoucherAsync(Project project, string idOrName, string code, VoucherCreateRequest overrides, CancellationToken cancellationToken)
    {
        var campaign = await GetAsync(project, idOrName, cancellationToken);
        return await vouchers.CreateAsync(project, overrides with { CampaignId = campaign.Id, Campaign = null, Code = null }, code, cancellationToken);
    }

    private async Task PropagateAsync(Project project, Campaign campaign, JsonObject fields, string? requestId, CancellationToken cancellationToken)
    {
        if (fields.Count == 0)
        {
            return;
        }

        if (campaign.VouchersCount <= settings.SyncLimit)
        {
            await propagation.ApplyAsync(project, campaign.Id, fields, cancellationToken);
            return;
        }

        await actions.StartAsync(project, AsyncActionTypes.CampaignVouchersUpdate, CampaignVoucherUpdate.Payload(campaign.Id, fields), requestId, cancellationToken);
    }

    private async Task ReserveNameAsync(Project project, Campaign campaign, CancellationToken cancellationToken)
    {
        try
        {
            var body = new JsonObject { ["campaign_id"] = campaign.Id };
            await store.CreateAsync(new NewDocument(CampaignKeys.ForName(project, campaign.Name), body), cancellationToken);
        }
        catch (DocumentConflictException)
        {
            throw Problems.Duplicate("campaign", campaign.Name);
        }
    }

    private async Task<Campaign> ReadAsync(Project project, string id, CancellationToken cancellationToken) =>
        await ShowAsync(project, (await store.GetAsync(CampaignKeys.For(project, id), cancellationToken))!.Read<Campaign>(), cancellationToken);

    private async Task<Campaign> ShowAsync(Project project, Campaign campaign, CancellationToken cancellationToken) =>
        campaign with { ValidationRulesAssignments = await assignments.ShownAsync(project, campaign.Id, cancellationToken) };
}
