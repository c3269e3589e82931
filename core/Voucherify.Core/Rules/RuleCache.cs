using System.Collections.Concurrent;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules;

/// <summary>
/// Compiled rules by (project, rule id), valid while the stored etag is the one they were compiled from: an update
/// changes the etag, so the next read compiles again and no stale rule is ever evaluated.
/// </summary>
public sealed class RuleCache
{
    private readonly ConcurrentDictionary<(string Project, string Id), CompiledValidationRule> compiled = new();

    public CompiledValidationRule Get(StoredDocument document)
    {
        var key = (document.Key.ProjectId, document.Key.Id);
        if (compiled.TryGetValue(key, out var cached) && cached.ETag == document.ETag)
        {
            return cached;
        }

        var fresh = CompiledValidationRule.Compile(document.Read<ValidationRule>(), document.ETag);
        compiled[key] = fresh;
        return fresh;
    }

    public void Forget(string projectId, string id) => compiled.TryRemove((projectId, id), out _);
}
