using System.Text.Json.Nodes;
using Voucherify.Core.Campaigns;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Core.Metadata;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers.Codes;

namespace Voucherify.Core.Vouchers;

/// <summary>Voucher create, read, update, delete, list and toggle.</summary>
public sealed class VoucherService(
    IDocumentStore store,
    VoucherLookup vouchers,
    CampaignLookup campaigns,
    CampaignVoucherCounter counter,
    MetadataValidator metadata,
    AssignmentService assignments,
    TimeProvider clock)
{
    private const int GeneratedCodeAttempts = 20;

    /// <summary>POST /v1/vouchers (code, or one generated from code_config) and POST /v1/vouchers/{code}.</summary>
    public async Task<Voucher> CreateAsync(Project project, VoucherCreateRequest request, string? pathCode, CancellationToken cancellationToken)
    {
        if (pathCode is not null && request.Code is not null && request.Code != pathCode)
        {
            throw Problems.InvalidPayload("The code in the body differs from the code in the path.");
        }

        var campaign = await FindCampaignAsync(project, request, cancellationToken);
        await assignments.CheckExistAsync(project, request.ValidationRules, cancellationToken);
        var effective = campaign is null ? request : CampaignVoucherDefaults.Apply(campaign, request);
        await metadata.CheckAsync(project, "voucher", effective.Metadata, cancellationToken);
        var voucher = await InsertAsync(project, effective, pathCode ?? request.Code, cancellationToken);
        await assignments.AssignAllAsync(project, request.ValidationRules, AssignmentService.Voucher, voucher.Id, cancellationToken);
        if (campaign is not null)
        {
            await counter.AddAsync(project, campaign.Id, 1, cancellationToken);
        }

        return voucher with { ValidationRulesAssignments = await assignments.ShownAsync(project, voucher.Id, cancellationToken) };
    }

    /// <summary>Stores a new voucher; a given code that exists is a 409, a generated one is drawn again.</summary>
    public async Task<Voucher> InsertAsync(Project project, VoucherCreateRequest request, string? code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (code is not null)
        {
            var voucher = VoucherFactory.Create(request, code, now);
            return await TryInsertAsync(project, voucher, cancellationToken) ?? throw Problems.Duplicate("voucher", code);
        }

        var generator = new CodeGenerator(request.CodeConfig);
        for (var attempt = 0; attempt < GeneratedCodeAttempts; attempt++)
        {
            var voucher = VoucherFactory.Create(request, generator.Next(), now);
            if (await TryInsertAsync(project, voucher, cancellationToken) is { } stored)
            {
                return stored;
            }
        }

        throw Problems.Conflict("Could not generate a unique code: the code_config leaves too few free codes.");
    }

    /// <summary>
    /// Stores <paramref name="count"/> vouchers with generated codes, in one batched create per draw: a code that
    /// is taken (in the store or twice in the draw) is drawn again, as <see cref="InsertAsync"/> does one by one.
    /// </summary>
    public async Task<int> InsertGeneratedAsync(Project project, VoucherCreateRequest request, int count, CancellationToken cancellationToken)
    {
        var generator = new CodeGenerator(request.CodeConfig);
        var now = clock.GetUtcNow();
        var stored = 0;
        for (var attempt = 0; stored < count && attempt < GeneratedCodeAttempts; attempt++)
        {
            var batch = Enumerable.Range(0, count - stored)
                .Select(_ => VoucherFactory.Create(request, generator.Next(), now))
                .Select(voucher => new NewDocument(VoucherKeys.For(project, voucher.Code), DocumentJson.ToBody(voucher)))
                .ToList();
            stored += (await store.CreateManyAsync(batch, cancellationToken)).Count(created => created);
        }

        return stored == count
            ? stored
            : throw Problems.Conflict("Could not generate a unique code: the code_config leaves too few free codes.");
    }

    public async Task<Voucher> GetAsync(Project project, string codeOrId, CancellationToken cancellationToken)
    {
        var voucher = (await vouchers.GetAsync(project, codeOrId, cancellationToken)).Read<Voucher>();
        return voucher with { ValidationRulesAssignments = await assignments.ShownAsync(project, voucher.Id, cancellationToken) };
    }

    /// <summary>
    /// PUT is partial: only the fields sent change, each by a patch, so an update never overwrites
    /// a redemption counter that moved meanwhile.
    /// </summary>
    public async Task<Voucher> UpdateAsync(Project project, string codeOrId, JsonObject changes, CancellationToken cancellationToken)
    {
        var document = await vouchers.GetAsync(project, codeOrId, cancellationToken);
        if (changes.ContainsKey("metadata"))
        {
            await metadata.CheckAsync(project, "voucher", changes["metadata"], cancellationToken);
        }

        var current = document.Read<Voucher>();
        var operations = VoucherUpdate.Operations(current, changes);
        if (operations.Count == 0)
        {
            // Nothing the client may change was sent: the voucher as it is, no write.
            return current;
        }

        var result = await store.PatchAsync(document.Key, operations, null, cancellationToken);
        return result.Document?.Read<Voucher>() ?? throw Problems.NotFound("voucher", codeOrId);
    }

    public async Task DeleteAsync(Project project, string codeOrId, CancellationToken cancellationToken)
    {
        var document = await vouchers.GetAsync(project, codeOrId, cancellationToken);
        if (await store.DeleteAsync(document.Key, null, cancellationToken) && document.Read<Voucher>().CampaignId is { } campaignId)
        {
            await counter.AddAsync(project, campaignId, -1, cancellationToken);
        }
    }

    public async Task<Voucher> SetActiveAsync(Project project, string codeOrId, bool active, CancellationToken cancellationToken)
    {
        var document = await vouchers.GetAsync(project, codeOrId, cancellationToken);
        var result = await store.PatchAsync(document.Key, [PatchOperation.Set("active", active)], null, cancellationToken);
        return result.Document?.Read<Voucher>() ?? throw Problems.NotFound("voucher", codeOrId);
    }

    /// <summary>A page of vouchers to show: each may be the object every reader of its version gets, so none may be changed.</summary>
    public Task<PagedResult<Voucher>> ListAsync(Project project, VoucherListQuery query, CancellationToken cancellationToken) =>
        PageReader.ReadSharedAsync<Voucher>(store, VoucherQueries.From(project, query), query.Paging, cancellationToken);

    private async Task<Voucher?> TryInsertAsync(Project project, Voucher voucher, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.CreateAsync(new NewDocument(VoucherKeys.For(project, voucher.Code), DocumentJson.ToBody(voucher)), cancellationToken);
            return stored.Read<Voucher>();
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    private async Task<Campaign?> FindCampaignAsync(Project project, VoucherCreateRequest request, CancellationToken cancellationToken)
    {
        var reference = request.CampaignId ?? request.Campaign;
        return reference is null ? null : (await campaigns.GetAsync(project, reference, cancellationToken)).Read<Campaign>();
    }
}
