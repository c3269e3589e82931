using System.Text.Json.Nodes;
using Voucherify.Core.Campaigns;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Rules;

/// <summary>
/// Attaches rules to vouchers and campaigns. An assignment lives in the partition of its object, so validate reads a
/// voucher's (and its campaign's) assignments with one indexed query each; the rule's assignments_count follows.
/// </summary>
public sealed class AssignmentService(IDocumentStore store, ValidationRuleService rules, VoucherLookup vouchers, CampaignLookup campaigns, TimeProvider clock)
{
    public const string Voucher = "voucher";
    public const string Campaign = "campaign";

    public async Task<ValidationRuleAssignment> AssignAsync(Project project, string ruleId, AssignmentRequest request, bool force, CancellationToken cancellationToken)
    {
        await rules.GetDocumentAsync(project, ruleId, cancellationToken);
        var type = request.RelatedObjectType ?? Voucher;
        var objectId = await ResolveAsync(project, type, request.RelatedObjectId ?? throw Problems.InvalidPayload("related_object_id is required."), cancellationToken);
        var existing = (await ForObjectAsync(project, objectId, cancellationToken)).FirstOrDefault(a => a.RuleId == ruleId);
        if (existing is not null)
        {
            if (!force)
            {
                throw Problems.Duplicate("validation_rules_assignment", existing.Id);
            }

            await UnassignAsync(project, ruleId, existing.Id, cancellationToken);
        }

        var assignment = new ValidationRuleAssignment
        {
            Id = IdGenerator.New(ValidationRuleKeys.AssignmentPrefix, 16),
            RuleId = ruleId,
            RelatedObjectId = objectId,
            RelatedObjectType = type,
            CreatedAt = clock.GetUtcNow(),
        };
        await store.CreateAsync(new NewDocument(ValidationRuleKeys.Assignment(project, objectId, assignment.Id), DocumentJson.ToBody(assignment)), cancellationToken);
        await store.PatchAsync(ValidationRuleKeys.For(project, ruleId), [PatchOperation.Increment("assignments_count", 1)], null, cancellationToken);
        return assignment;
    }

    /// <summary>The validation_rules of a voucher or campaign create: every id must name a rule before anything is written.</summary>
    public async Task CheckExistAsync(Project project, IReadOnlyList<string>? ruleIds, CancellationToken cancellationToken)
    {
        foreach (var id in ruleIds ?? [])
        {
            await rules.GetDocumentAsync(project, id, cancellationToken);
        }
    }

    public async Task AssignAllAsync(Project project, IReadOnlyList<string>? ruleIds, string type, string objectId, CancellationToken cancellationToken)
    {
        foreach (var id in (ruleIds ?? []).Distinct())
        {
            await AssignAsync(project, id, new AssignmentRequest { RelatedObjectType = type, RelatedObjectId = objectId }, force: true, cancellationToken);
        }
    }

    public async Task UnassignAsync(Project project, string ruleId, string assignmentId, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(project.Id, ValidationRuleKeys.AssignmentKind) { Where = [Condition.Eq("id", assignmentId), Condition.Eq("rule_id", ruleId)], PageSize = 1 };
        var document = (await store.QueryAsync(query, cancellationToken)).Items.FirstOrDefault()
            ?? throw Problems.NotFound("validation_rules_assignment", assignmentId);
        if (await store.DeleteAsync(document.Key, null, cancellationToken))
        {
            await store.PatchAsync(ValidationRuleKeys.For(project, ruleId), [PatchOperation.Increment("assignments_count", -1)], [Condition.Greater("assignments_count", 0)], cancellationToken);
        }
    }

    /// <summary>The hot-path read: every assignment of one voucher or campaign (one partition).</summary>
    public async ValueTask<IReadOnlyList<ValidationRuleAssignment>> ForObjectAsync(Project project, string objectId, CancellationToken cancellationToken)
    {
        var page = await store.QueryAsync(new DocumentQuery(project.Id, ValidationRuleKeys.AssignmentKind) { PartitionKey = objectId, PageSize = 100 }, cancellationToken);
        var assigned = new ValidationRuleAssignment[page.Items.Count];
        for (var i = 0; i < assigned.Length; i++)
        {
            assigned[i] = page.Items[i].ReadShared<ValidationRuleAssignment>();
        }

        return assigned;
    }

    /// <summary>The validation_rules_assignments list a voucher or campaign shows (the same one-partition read validate does).</summary>
    public async Task<DataList<JsonObject>> ShownAsync(Project project, string objectId, CancellationToken cancellationToken)
    {
        var assigned = await ForObjectAsync(project, objectId, cancellationToken);
        return DataList<JsonObject>.Of(assigned.Select(DocumentJson.ToBody));
    }

    public async Task<PagedResult<ValidationRuleAssignment>> ListAsync(Project project, string? ruleId, string? relatedObjectId, Paging paging, string order, CancellationToken cancellationToken)
    {
        if (ruleId is not null)
        {
            await rules.GetDocumentAsync(project, ruleId, cancellationToken);
        }

        var where = new List<Condition>();
        if (ruleId is not null)
        {
            where.Add(Condition.Eq("rule_id", ruleId));
        }

        var query = new DocumentQuery(project.Id, ValidationRuleKeys.AssignmentKind)
        {
            PartitionKey = relatedObjectId,
            Where = where,
            Descending = SortOrder.Parse(order, SortOrder.CreatedAtOnly).Descending,
        };
        return await PageReader.ReadAsync<ValidationRuleAssignment>(store, query, paging, cancellationToken);
    }

    private async Task<string> ResolveAsync(Project project, string type, string id, CancellationToken cancellationToken) => type switch
    {
        Voucher => (await vouchers.GetAsync(project, id, cancellationToken)).Read<Voucher>().Id,
        Campaign => (await campaigns.GetAsync(project, id, cancellationToken)).Read<Campaign>().Id,
        _ => throw Problems.InvalidPayload($"related_object_type {type} cannot have validation rules here; use voucher or campaign."),
    };
}
