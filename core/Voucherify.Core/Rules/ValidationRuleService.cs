using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules;

/// <summary>/v1/validation-rules: create, read, update, delete, list. A rule is compiled before it is stored, so a bad one is a 400 and nothing is written.</summary>
public sealed class ValidationRuleService(IDocumentStore store, RuleCache cache, TimeProvider clock)
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
        ["name"] = "name",
    };

    public async Task<ValidationRule> CreateAsync(Project project, ValidationRuleRequest request, CancellationToken cancellationToken)
    {
        var rule = new ValidationRule
        {
            Id = IdGenerator.New(ValidationRuleKeys.RulePrefix, 12),
            Name = string.IsNullOrWhiteSpace(request.Name) ? throw Problems.InvalidPayload("name is required.") : request.Name,
            Rules = request.Rules ?? [],
            BundleRules = request.BundleRules,
            Error = request.Error,
            ApplicableTo = request.ApplicableTo ?? new ApplicableTo(),
            Type = request.Type ?? "expression",
            ContextType = request.ContextType ?? "global",
            CreatedAt = clock.GetUtcNow(),
        };
        CompiledValidationRule.Compile(rule, string.Empty);
        var stored = await store.CreateAsync(new NewDocument(ValidationRuleKeys.For(project, rule.Id), DocumentJson.ToBody(rule)), cancellationToken);
        return stored.Read<ValidationRule>();
    }

    public async Task<ValidationRule> GetAsync(Project project, string id, CancellationToken cancellationToken) =>
        (await GetDocumentAsync(project, id, cancellationToken)).Read<ValidationRule>();

    public async Task<StoredDocument> GetDocumentAsync(Project project, string id, CancellationToken cancellationToken) =>
        await store.GetAsync(ValidationRuleKeys.For(project, id), cancellationToken) ?? throw Problems.NotFound("validation_rules", id);

    /// <summary>PUT replaces the fields it sends; the etag guard keeps a concurrent update (or assignment count) from being lost.</summary>
    public async Task<ValidationRule> UpdateAsync(Project project, string id, ValidationRuleRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var document = await GetDocumentAsync(project, id, cancellationToken);
            var current = document.Read<ValidationRule>();
            var updated = current with
            {
                Name = request.Name ?? current.Name,
                Rules = request.Rules ?? current.Rules,
                BundleRules = request.BundleRules ?? current.BundleRules,
                Error = request.Error ?? current.Error,
                ApplicableTo = request.ApplicableTo ?? current.ApplicableTo,
                Type = request.Type ?? current.Type,
                ContextType = request.ContextType ?? current.ContextType,
            };
            CompiledValidationRule.Compile(updated, string.Empty);
            try
            {
                var stored = await store.ReplaceAsync(new NewDocument(document.Key, DocumentJson.ToBody(updated)), document.ETag, cancellationToken)
                    ?? throw Problems.NotFound("validation_rules", id);
                return stored.Read<ValidationRule>();
            }
            catch (PreconditionFailedException)
            {
                // Changed meanwhile (an assignment moved the count): apply the same change to the newer version.
            }
        }
    }

    public async Task DeleteAsync(Project project, string id, CancellationToken cancellationToken)
    {
        var document = await GetDocumentAsync(project, id, cancellationToken);
        await foreach (var assignment in store.ScanAsync(new DocumentQuery(project.Id, ValidationRuleKeys.AssignmentKind) { Where = [Condition.Eq("rule_id", id)], PageSize = 200 }, cancellationToken))
        {
            await store.DeleteAsync(assignment.Key, null, cancellationToken);
        }

        await store.DeleteAsync(document.Key, null, cancellationToken);
        cache.Forget(project.Id, id);
    }

    public Task<PagedResult<ValidationRule>> ListAsync(Project project, Paging paging, string order, DateRange created, CancellationToken cancellationToken)
    {
        var sort = SortOrder.Parse(order, SortFields);
        var query = new DocumentQuery(project.Id, ValidationRuleKeys.Kind) { OrderBy = sort.Path, Descending = sort.Descending, Where = [.. created.Conditions("created_at")] };
        return PageReader.ReadAsync<ValidationRule>(store, query, paging, cancellationToken);
    }
}
