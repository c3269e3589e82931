using System.Globalization;
using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Sourced;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Customers: upsert by id or source_id, read, partial update, delete, list. The stored body is the wire object;
/// reads add the summary the change feed keeps (customer_summary) and the loyalty and referral placeholders.
/// </summary>
public sealed class CustomerService(IDocumentStore store, SourcedDocuments documents)
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
        ["source_id"] = "source_id",
    };

    /// <summary>POST /v1/customers, and every customer a redemption carries.</summary>
    public async Task<StoredDocument> UpsertAsync(Project project, JsonObject raw, CancellationToken cancellationToken)
    {
        var request = Bind(raw);
        var changes = WireChanges.Of(raw, request, CustomerRequest.Fields);
        return await documents.UpsertAsync(project, CustomerKeys.Sourced, request.Id, request.SourceId, current => Shape(current, changes), cancellationToken);
    }

    /// <summary>PUT is partial: the fields sent change, the others stay. id and source_id cannot change.</summary>
    public async Task<JsonObject> UpdateAsync(Project project, string idOrSource, JsonObject raw, CancellationToken cancellationToken)
    {
        var changes = WireChanges.Of(raw, Bind(raw), CustomerRequest.Fields);
        var document = await documents.UpdateAsync(project, CustomerKeys.Sourced, idOrSource, current => Shape(current, changes), cancellationToken);
        return await ShowAsync(project, document.Body, cancellationToken);
    }

    public async Task<JsonObject> GetAsync(Project project, string idOrSource, CancellationToken cancellationToken) =>
        await ShowAsync(project, (await documents.GetAsync(project, CustomerKeys.Sourced, idOrSource, cancellationToken)).Body, cancellationToken);

    public async Task DeleteAsync(Project project, string idOrSource, CancellationToken cancellationToken) =>
        await documents.DeleteAsync(project, CustomerKeys.Sourced, await documents.GetAsync(project, CustomerKeys.Sourced, idOrSource, cancellationToken), cancellationToken);

    public async Task<JsonObject> ListAsync(Project project, CustomerListQuery query, CancellationToken cancellationToken)
    {
        var sort = SortOrder.Parse(query.Order, SortFields);
        var conditions = new List<Condition>();
        AddEq(conditions, "email", query.Email);
        AddEq(conditions, "address.city", query.City);
        AddEq(conditions, "name", query.Name);

        // Segments do not exist yet, so no customer is in one.
        AddEq(conditions, "segment_ids", query.SegmentId);
        conditions.AddRange(query.CreatedAt.Conditions("created_at"));
        conditions.AddRange(query.UpdatedAt.Conditions("updated_at"));
        if (query.StartingAfter is { } cursor)
        {
            var path = sort.Path == "updated_at" ? "updated_at" : "created_at";
            var value = Timestamps.Format(cursor);
            conditions.Add(sort.Descending ? Condition.Less(path, value) : Condition.Greater(path, value));
        }

        var documentQuery = new DocumentQuery(project.Id, CustomerKeys.Kind) { Where = conditions, OrderBy = sort.Path, Descending = sort.Descending };
        var page = await PageReader.ReadAsync<JsonObject>(store, documentQuery, query.Paging, cancellationToken);
        var customers = new List<JsonObject>();
        foreach (var body in page.Items)
        {
            customers.Add(await ShowAsync(project, body, cancellationToken));
        }

        var list = WireList.Of("customers", customers, page.Total);
        list["has_more"] = ((long)(query.Paging.Page - 1) * query.Paging.Limit) + customers.Count < page.Total;
        return list;
    }

    /// <summary>The wire customer: the stored body with the summary kept under its id (or, from before customers were stored, its source_id).</summary>
    public async Task<JsonObject> ShowAsync(Project project, JsonObject body, CancellationToken cancellationToken)
    {
        var shown = body.DeepClone().AsObject();
        var id = body["id"]?.GetValue<string>() ?? string.Empty;
        var summary = await store.GetAsync(CustomerSummaryKeys.For(project.Id, id), cancellationToken);
        if (summary is null && body["source_id"] is JsonValue source && source.TryGetValue<string>(out var sourceId))
        {
            summary = await store.GetAsync(CustomerSummaryKeys.For(project.Id, sourceId), cancellationToken);
        }

        shown["summary"] = summary?.Body["summary"]?.DeepClone() ?? CustomerSummaryDocument.EmptySummary();
        shown["loyalty"] = new JsonObject { ["points"] = 0, ["referred_customers"] = 0, ["campaigns"] = new JsonObject() };
        shown["referrals"] = new JsonObject { ["total"] = 0, ["campaigns"] = new JsonArray() };
        shown.Remove("object");
        shown["object"] = "customer";
        return shown;
    }

    private static JsonObject Shape(JsonObject? current, JsonObject changes)
    {
        var next = WireChanges.Apply(current ?? new JsonObject { ["metadata"] = new JsonObject(), ["system_metadata"] = new JsonObject() }, changes);
        next["metadata"] ??= new JsonObject();
        next["object"] = "customer";
        return next;
    }

    private static CustomerRequest Bind(JsonObject raw)
    {
        var request = WireBinding.Bind<CustomerRequest>(raw);
        foreach (var (name, value) in new[] { ("birthdate", request.Birthdate), ("birthday", request.Birthday) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw Problems.InvalidPayload($"{name} must be a date in the format YYYY-MM-DD, got '{value}'.");
            }
        }

        return request;
    }

    private static void AddEq(List<Condition> conditions, string path, string? value)
    {
        if (value is not null)
        {
            conditions.Add(Condition.Eq(path, value));
        }
    }
}
