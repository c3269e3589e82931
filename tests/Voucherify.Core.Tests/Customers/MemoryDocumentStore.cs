using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>
/// A store in memory with the port's semantics for what the summary handlers use (point reads and writes guarded by
/// etag or condition, batched creates, single-kind queries filtered by equality and In and sorted by a body path with
/// ties on id), so handler tests run without a database. Anything else throws rather than pretend.
/// Every write first passes <see cref="BeforeWrite"/>, which a test uses to make a write fail, and is counted.
/// </summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly Dictionary<DocumentKey, StoredDocument> documents = [];
    private readonly DateTimeOffset now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private long etags;

    public Action<DocumentKey>? BeforeWrite { get; set; }

    public List<DocumentKey> Writes { get; } = [];

    public IEnumerable<StoredDocument> All(string kind) => documents.Values.Where(document => document.Key.Kind == kind);

    /// <summary>
    /// Holds <paramref name="body"/> as the document another writer left (a test's order), with the body's own
    /// created_at: not a write of the code under test, so neither counted nor passed to <see cref="BeforeWrite"/>.
    /// </summary>
    public void Put(DocumentKey key, JsonObject body) =>
        documents[key] = Copy(new StoredDocument(key, body.DeepClone().AsObject(), $"etag-{++etags}", DocumentTimestamps.Parse(body[DocumentTimestamps.CreatedAtPath]!.GetValue<string>()), now));

    public ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(documents.TryGetValue(key, out var document) ? Copy(document) : null);

    public Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default)
    {
        Write(document.Key);
        if (documents.ContainsKey(document.Key))
        {
            throw new DocumentConflictException(document.Key);
        }

        return Task.FromResult(Store(document.Key, document.Body, now));
    }

    public Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken = default)
    {
        foreach (var document in documents)
        {
            Write(document.Key);
        }

        IReadOnlyList<bool> created = documents.Select(document => !this.documents.ContainsKey(document.Key) && Store(document.Key, document.Body, now) is not null).ToList();
        return Task.FromResult(created);
    }

    public Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default)
    {
        Write(document.Key);
        if (!documents.TryGetValue(document.Key, out var current))
        {
            return Task.FromResult<StoredDocument?>(null);
        }

        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw new PreconditionFailedException(document.Key);
        }

        return Task.FromResult<StoredDocument?>(Store(document.Key, document.Body, current.CreatedAt));
    }

    public Task<PatchResult> PatchAsync(DocumentKey key, IReadOnlyList<PatchOperation> operations, IReadOnlyList<Condition>? conditions = null, CancellationToken cancellationToken = default)
    {
        Write(key);
        if (!documents.TryGetValue(key, out var current))
        {
            return Task.FromResult(PatchResult.NotFound);
        }

        if (!(conditions ?? []).All(condition => Holds(condition, current.Body)))
        {
            return Task.FromResult(PatchResult.ConditionFailed);
        }

        var body = current.Body.DeepClone().AsObject();
        foreach (var operation in operations)
        {
            var set = operation as SetOperation ?? throw new NotSupportedException(operation.ToString());
            body[set.Path] = set.Value?.DeepClone();
        }

        return Task.FromResult(PatchResult.Applied(Store(key, body, current.CreatedAt)));
    }

    public ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        var matches = documents.Values
            .Where(d => d.Key.ProjectId == query.ProjectId && d.Key.Kind == query.Kind && (query.PartitionKey is null || d.Key.PartitionKey == query.PartitionKey))
            .Where(d => query.Where.All(condition => Holds(condition, d.Body)))
            .Order(Comparer<StoredDocument>.Create((left, right) => Compare(left, right, query.OrderBy) * (query.Descending ? -1 : 1)))
            .ToList();
        var offset = query.Continuation is null ? 0 : int.Parse(query.Continuation, CultureInfo.InvariantCulture);
        var page = matches.Skip(offset).Take(query.PageSize).Select(Copy).ToList();
        var next = offset + page.Count < matches.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return ValueTask.FromResult(new DocumentPage(page, next));
    }

    public Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Through text, as a real store hands bodies back: numbers become JSON elements.</summary>
    private static StoredDocument Copy(StoredDocument document) => document with { Body = JsonNode.Parse(document.Body.ToJsonString())!.AsObject() };

    private static bool Holds(Condition condition, JsonObject body) => condition switch
    {
        Comparison { Operator: ConditionOperator.Equal } c => JsonNode.DeepEquals(body[c.Path], c.Value),
        Comparison { Operator: ConditionOperator.In } c => c.Value!.AsArray().Any(value => JsonNode.DeepEquals(body[c.Path], value)),
        Comparison { Operator: ConditionOperator.LessThan } c => body[c.Path] is JsonValue value && value.Deserialize<decimal>() < c.Value!.Deserialize<decimal>(),
        Comparison { Operator: ConditionOperator.GreaterThanOrEqual, Value: JsonValue bound } c when bound.GetValueKind() == JsonValueKind.String =>
            body[c.Path] is JsonValue value && value.GetValueKind() == JsonValueKind.String && string.CompareOrdinal(value.GetValue<string>(), bound.GetValue<string>()) >= 0,
        _ => throw new NotSupportedException(condition.ToString()),
    };

    /// <summary>Strings ordinally, a missing value first; ties on id, then partition key, as the stores sort.</summary>
    private static int Compare(StoredDocument left, StoredDocument right, string path)
    {
        var byValue = string.CompareOrdinal(Sortable(left.Body[path]), Sortable(right.Body[path]));
        var byId = string.CompareOrdinal(left.Key.Id, right.Key.Id);
        return byValue != 0 ? byValue : byId != 0 ? byId : string.CompareOrdinal(left.Key.PartitionKey, right.Key.PartitionKey);
    }

    private static string? Sortable(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : value is null ? null : throw new NotSupportedException("sorting by a non-string");

    private void Write(DocumentKey key)
    {
        BeforeWrite?.Invoke(key);
        Writes.Add(key);
    }

    private StoredDocument Store(DocumentKey key, JsonObject body, DateTimeOffset createdAt)
    {
        var stored = body.DeepClone().AsObject();
        stored[DocumentTimestamps.CreatedAtPath] = DocumentTimestamps.Format(createdAt);
        stored[DocumentTimestamps.UpdatedAtPath] = DocumentTimestamps.Format(now);
        var document = Copy(new StoredDocument(key, stored, $"etag-{++etags}", createdAt, now));
        documents[key] = document;
        return Copy(document);
    }
}
