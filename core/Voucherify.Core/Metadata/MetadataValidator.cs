using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Metadata;

/// <summary>
/// The one entry point services call before they write an object with metadata: the metadata must obey the project's
/// schema for that object type (none defined: anything goes). A violation is 400 metadata_validation_failed naming
/// the property, thrown before the caller writes anything.
/// </summary>
public sealed class MetadataValidator(IDocumentStore store)
{
    private const int MaxNesting = 8;

    public Task CheckAsync(Project project, string relatedObject, JsonNode? metadata, CancellationToken cancellationToken) =>
        CheckAllAsync(project, relatedObject, [metadata], cancellationToken);

    /// <summary>Checks several objects of one type (the items of an order) with one read of the schema.</summary>
    public async Task CheckAllAsync(Project project, string relatedObject, IReadOnlyList<JsonNode?> metadata, CancellationToken cancellationToken)
    {
        var schemas = await LoadAsync(project, relatedObject, cancellationToken);
        if (!schemas.TryGetValue(relatedObject, out var schema))
        {
            return;
        }

        for (var index = 0; index < metadata.Count; index++)
        {
            if (MetadataSchemaChecker.Check(schema, metadata[index], name => schemas.GetValueOrDefault(name)) is { } violation)
            {
                var which = metadata.Count > 1 ? $" (#{index})" : string.Empty;
                throw Problems.MetadataValidationFailed(relatedObject, violation.Describe(relatedObject + which));
            }
        }
    }

    /// <summary>The schema of the type and every custom schema its object properties name, nested a few levels at most.</summary>
    private async Task<Dictionary<string, MetadataSchema>> LoadAsync(Project project, string relatedObject, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<string, MetadataSchema>(StringComparer.Ordinal);
        var wanted = new List<string> { relatedObject };
        for (var depth = 0; depth <= MaxNesting && wanted.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var name in wanted.Where(n => !schemas.ContainsKey(n)))
            {
                if (await store.GetAsync(MetadataSchemaKeys.For(project.Id, name), cancellationToken) is not { } document)
                {
                    continue;
                }

                var schema = document.Read<MetadataSchema>();
                schemas[name] = schema;
                next.AddRange(schema.Properties.Values.Select(p => p.ObjectType).OfType<string>());
            }

            wanted = next;
        }

        return schemas;
    }
}
