using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Metadata;

/// <summary>
/// /v1/metadata-schemas. The contract reads them; creating, replacing and deleting them under the same paths is our
/// extension (Voucherify keeps that in its Management API), so a self-hosted project can define its schemas at all.
/// </summary>
public sealed class MetadataSchemaService(IDocumentStore store)
{
    private const int MaxSchemas = 1000;

    public async Task<JsonObject> ListAsync(Project project, CancellationToken cancellationToken)
    {
        var schemas = new List<MetadataSchema>();
        var query = new DocumentQuery(project.Id, MetadataSchemaKeys.Kind) { OrderBy = "created_at" };
        do
        {
            var page = await store.QueryAsync(query, cancellationToken);
            schemas.AddRange(page.Items.Select(d => d.Read<MetadataSchema>()));
            query = query with { Continuation = page.Continuation };
        }
        while (query.Continuation is not null && schemas.Count < MaxSchemas);

        var list = WireList.Of("schemas", schemas, schemas.Count);
        list.Remove("total");
        return list;
    }

    public async Task<MetadataSchema> GetAsync(Project project, string relatedObject, CancellationToken cancellationToken) =>
        (await store.GetAsync(MetadataSchemaKeys.For(project.Id, relatedObject), cancellationToken)
            ?? throw Problems.NotFound("metadata_schema", relatedObject)).Read<MetadataSchema>();

    public async Task<MetadataSchema> CreateAsync(Project project, MetadataSchema request, CancellationToken cancellationToken)
    {
        Check(request);
        var schema = request with { Id = IdGenerator.New(IdPrefixes.MetadataSchema, 24), AllowDefinedOnly = request.AllowDefinedOnly ?? false };
        try
        {
            var stored = await store.CreateAsync(new NewDocument(MetadataSchemaKeys.For(project.Id, schema.RelatedObject), DocumentJson.ToBody(schema)), cancellationToken);
            return stored.Read<MetadataSchema>();
        }
        catch (DocumentConflictException)
        {
            throw Problems.Duplicate("metadata_schema", schema.RelatedObject);
        }
    }

    /// <summary>PUT replaces the definitions (and allow_defined_only when sent); id and related_object stay.</summary>
    public async Task<MetadataSchema> ReplaceAsync(Project project, string relatedObject, MetadataSchema request, CancellationToken cancellationToken)
    {
        var current = await GetAsync(project, relatedObject, cancellationToken);
        if (request.RelatedObject != relatedObject)
        {
            throw Problems.InvalidPayload("related_object cannot change; it must equal the path's resource.");
        }

        Check(request);
        var schema = current with { Properties = request.Properties, AllowDefinedOnly = request.AllowDefinedOnly ?? current.AllowDefinedOnly };
        var stored = await store.ReplaceAsync(new NewDocument(MetadataSchemaKeys.For(project.Id, relatedObject), DocumentJson.ToBody(schema)), null, cancellationToken)
            ?? throw Problems.NotFound("metadata_schema", relatedObject);
        return stored.Read<MetadataSchema>();
    }

    public async Task DeleteAsync(Project project, string relatedObject, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(MetadataSchemaKeys.For(project.Id, relatedObject), null, cancellationToken))
        {
            throw Problems.NotFound("metadata_schema", relatedObject);
        }
    }

    private static void Check(MetadataSchema schema)
    {
        if (string.IsNullOrWhiteSpace(schema.RelatedObject) || schema.RelatedObject.Length > 100 || schema.RelatedObject.IndexOfAny(['/', '\\', '?', '#']) >= 0)
        {
            throw Problems.InvalidPayload("related_object must be 1-100 characters without /, \\, ? or #.");
        }

        if (schema.Properties is null)
        {
            throw Problems.InvalidPayload("properties must be an object of definitions.");
        }

        foreach (var (name, definition) in schema.Properties)
        {
            if (name.Length == 0 || definition is null)
            {
                throw Problems.InvalidPayload("properties must map non-empty names to definitions.");
            }

            if (!MetadataPropertyTypes.All.Contains(definition.Type))
            {
                throw Problems.InvalidPayload($"properties.{name}.type must be one of {string.Join(", ", MetadataPropertyTypes.All)}.");
            }

            if (definition.MinLength < 0 || definition.MaxLength < 0 || definition.ExactLength < 0)
            {
                throw Problems.InvalidPayload($"properties.{name}: lengths must not be negative.");
            }
        }
    }
}
