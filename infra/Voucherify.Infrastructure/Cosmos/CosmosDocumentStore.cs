using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Voucherify.Core.Storage;
using CosmosPatch = Microsoft.Azure.Cosmos.PatchOperation;
using PatchOperation = Voucherify.Core.Storage.PatchOperation;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// The production store on Cosmos DB (NoSQL API). One container holds every document, partitioned
/// by the synthetic key "project|kind|partition key", so a point read by code is one 1 RU read and a
/// project's documents can never meet another project's in a partition. Each item is an envelope:
/// id, pk, p (project), k (kind), kp (partition key), i (id), b (the body without the store-owned
/// timestamps), ca / ua (created_at / updated_at), s (the change-log sequence of its last write).
/// Every write is one single-document Cosmos operation; guards run server-side as a patch filter
/// predicate, so a limit holds however many instances race. Writes also append to an ordered
/// change log (a second container) - see docs/COSMOS.md for what that costs and guarantees.
/// </summary>
public sealed class CosmosDocumentStore : IDocumentStore, IDisposable
{
    private const string LogPartition = "log";
    private const string SequenceId = "sequence";

    private readonly CosmosStoreOptions options;
    private readonly TimeProvider clock;
    private readonly CosmosClient client;
    private readonly bool ownsClient;
    private readonly Lazy<Task<(Container Documents, Container Changes)>> containers;

    public CosmosDocumentStore(CosmosStoreOptions options, TimeProvider clock)
        : this(options, clock, CreateClient(options), ownsClient: true)
    {
    }

    /// <summary>Shares a client (one per process is what the SDK wants) between stores.</summary>
    public CosmosDocumentStore(CosmosStoreOptions options, TimeProvider clock, CosmosClient client)
        : this(options, clock, client, ownsClient: false)
    {
    }

    private CosmosDocumentStore(CosmosStoreOptions options, TimeProvider clock, CosmosClient client, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        ArgumentNullException.ThrowIfNull(clock);
        this.options = options;
        this.clock = clock;
        this.client = client;
        this.ownsClient = ownsClient;
        containers = new(EnsureContainersAsync);
    }

    public static CosmosClient CreateClient(CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        var clientOptions = new CosmosClientOptions
        {
            // Gateway mode over HTTPS is what works everywhere (and the only mode the local server speaks).
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            Serializer = new CosmosSystemTextJsonSerializer(),
            EnableContentResponseOnWrite = true,
        };
        if (options.RequestTimeout is { } timeout)
        {
            clientOptions.RequestTimeout = timeout;
        }

        if (options.TestServerCompatibility)
        {
            clientOptions.HttpClientFactory = () => new HttpClient(new CosmosTestServerHandler(options.RequestTimeout));
        }

        return new CosmosClient(options.ConnectionString, clientOptions);
    }

    public async Task<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var envelope = await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false);
        return envelope is null ? null : ToStored(envelope);
    }

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        var key = document.Key;
        StoreArguments.Key(key);
        var (documents, changes) = await containers.Value.ConfigureAwait(false);
        var stamp = DocumentTimestamps.Format(Now());
        var sequence = await NextSequenceAsync(changes, cancellationToken).ConfigureAwait(false);
        var envelope = new JsonObject
        {
            ["id"] = CosmosId(key.Id),
            ["pk"] = PartitionValue(key),
            ["p"] = key.ProjectId,
            ["k"] = key.Kind,
            ["kp"] = key.PartitionKey,
            ["i"] = key.Id,
            ["b"] = WithoutTimestamps(document.Body),
            ["ca"] = stamp,
            ["ua"] = stamp,
            ["s"] = sequence,
        };

        using var response = await documents.CreateItemStreamAsync(ToStream(envelope), new PartitionKey(PartitionValue(key)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
            throw new DocumentConflictException(key);
        }

        var stored = await WrittenAsync(changes, sequence, response, ChangeKind.Created, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        var key = document.Key;
        StoreArguments.Key(key);
        var (documents, changes) = await containers.Value.ConfigureAwait(false);
        var body = WithoutTimestamps(document.Body);

        while (true)
        {
            var stamp = DocumentTimestamps.Format(Now());
            var sequence = await NextSequenceAsync(changes, cancellationToken).ConfigureAwait(false);
            CosmosPatch[] operations =
            [
                CosmosPatch.Set<JsonNode?>("/b", body.DeepClone()),
                CosmosPatch.Set("/ua", stamp),
                CosmosPatch.Set("/s", sequence),
            ];
            var requestOptions = new PatchItemRequestOptions { FilterPredicate = Filter(key, sequence, []), IfMatchEtag = ifMatch };
            using var response = await documents.PatchItemStreamAsync(CosmosId(key.Id), new PartitionKey(PartitionValue(key)), operations, requestOptions, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
                    return null;
                case HttpStatusCode.PreconditionFailed:
                    await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
                    var current = await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false);
                    if (current is null)
                    {
                        return null;
                    }

                    if (ifMatch is not null && ETag(current) != ifMatch)
                    {
                        throw new PreconditionFailedException(key);
                    }

                    // A write with a later sequence landed first; take a new sequence so the log keeps this document's order.
                    continue;
                default:
                    return await WrittenAsync(changes, sequence, response, ChangeKind.Replaced, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<PatchResult> PatchAsync(
        DocumentKey key,
        IReadOnlyList<PatchOperation> operations,
        IReadOnlyList<Condition>? conditions = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.Patch(key, operations);

        // Fails fast on a bad path or condition, before anything is read or written.
        CosmosPatchPlan.For([], operations);
        var guard = CosmosSql.Where(conditions);
        var (documents, changes) = await containers.Value.ConfigureAwait(false);

        while (true)
        {
            var current = await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return PatchResult.NotFound;
            }

            // The guard is false on a state the document really had: failing here is as good as failing in the write, and free.
            if (!CosmosConditions.Hold(conditions, ToStored(current).Body))
            {
                return PatchResult.ConditionFailed;
            }

            var plan = CosmosPatchPlan.For((JsonObject)current["b"]!, operations);
            var stamp = DocumentTimestamps.Format(Now());
            var sequence = await NextSequenceAsync(changes, cancellationToken).ConfigureAwait(false);
            List<CosmosPatch> cosmosOperations = [.. plan.Operations, CosmosPatch.Set("/ua", stamp), CosmosPatch.Set("/s", sequence)];
            var requestOptions = new PatchItemRequestOptions { FilterPredicate = Filter(key, sequence, [guard, .. plan.Assumptions]) };
            using var response = await documents.PatchItemStreamAsync(CosmosId(key.Id), new PartitionKey(PartitionValue(key)), cosmosOperations, requestOptions, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
                    return PatchResult.NotFound;
                case HttpStatusCode.PreconditionFailed:
                    // The guard, the shape the plan relied on, or the sequence order failed; the next read tells which.
                    await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    return PatchResult.Applied(await WrittenAsync(changes, sequence, response, ChangeKind.Patched, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    public async Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        var (documents, changes) = await containers.Value.ConfigureAwait(false);
        var stamp = DocumentTimestamps.Format(Now());

        while (true)
        {
            var current = await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            if (ifMatch is not null && ETag(current) != ifMatch)
            {
                throw new PreconditionFailedException(key);
            }

            // Taken after the read, so it is later than the sequence of the state we delete: the log keeps the document's order.
            var sequence = await NextSequenceAsync(changes, cancellationToken).ConfigureAwait(false);
            using var response = await documents.DeleteItemStreamAsync(
                CosmosId(key.Id), new PartitionKey(PartitionValue(key)), new ItemRequestOptions { IfMatchEtag = ETag(current) }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
            {
                await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
                continue;
            }

            EnsureSuccess(response);
            await AppendAsync(changes, sequence, key, ChangeKind.Deleted, null, null, stamp, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    public async Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        StoreArguments.Query(query);
        if (query.PageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be positive.");
        }

        var position = query.Continuation is null ? null : CosmosContinuation.Decode(query.Continuation, query.OrderBy, query.Descending);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var envelopes = await WindowAsync(documents, query, position, query.PageSize + 1, cancellationToken).ConfigureAwait(false);

        var items = envelopes.Take(query.PageSize).Select(ToStored).ToList();
        string? continuation = null;
        if (envelopes.Count > query.PageSize)
        {
            var last = envelopes[query.PageSize - 1];
            var value = SortValue(last, query.OrderBy);
            var segment = CosmosOrdering.Segment(value);
            continuation = new CosmosContinuation(
                query.OrderBy, query.Descending, segment, CosmosOrdering.Valued(segment) ? value?.DeepClone() : null, items[^1].Key.Id, items[^1].Key.PartitionKey).Encode();
        }

        return new DocumentPage(items, continuation);
    }

    public async Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        StoreArguments.Query(query);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var results = await RunQueryAsync(documents, $"SELECT VALUE COUNT(1) FROM c WHERE {Where(query).ToSql()}", query, int.MaxValue, cancellationToken, values: true).ConfigureAwait(false);
        // A cross-partition count may come back as one partial count per partition range.
        return results.Sum(result => result["v"]!.GetValue<long>());
    }

    public async Task<ChangeBatch> ReadChangesAsync(string? checkpoint, int maxChanges, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChanges);
        long after = 0;
        if (checkpoint is not null && !long.TryParse(checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw new ArgumentException($"'{checkpoint}' is not a checkpoint of this store.", nameof(checkpoint));
        }

        var (_, changes) = await containers.Value.ConfigureAwait(false);
        var sql = $"SELECT * FROM c WHERE c.n > {after.ToString(CultureInfo.InvariantCulture)} ORDER BY c.n";
        var result = new List<DocumentChange>();
        using var iterator = changes.GetItemQueryStreamIterator(
            sql, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(LogPartition), MaxItemCount = maxChanges + 16 });
        while (iterator.HasMoreResults && result.Count < maxChanges)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            EnsureSuccess(response);
            foreach (var entry in await ReadDocumentsAsync(response, cancellationToken).ConfigureAwait(false))
            {
                var sequence = entry["n"]!.GetValue<long>();
                if (sequence != after + 1 && !GapExpired(entry))
                {
                    // A sequence was taken but its write is not logged yet: stop here so it is not skipped past for good.
                    return new ChangeBatch(result, after.ToString(CultureInfo.InvariantCulture));
                }

                after = sequence;
                if (entry["void"] is not null)
                {
                    continue;
                }

                result.Add(ToChange(entry));
                if (result.Count == maxChanges)
                {
                    break;
                }
            }
        }

        return new ChangeBatch(result, after.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    /// <summary>Cosmos ids cannot hold '/', '\', '?' or '#'; those (and '%', the escape) are percent-encoded.</summary>
    private static string CosmosId(string id)
    {
        if (id.AsSpan().IndexOfAny("/\\?#%") < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var character in id)
        {
            builder.Append(character is '/' or '\\' or '?' or '#' or '%' ? $"%{(int)character:X2}" : character.ToString());
        }

        return builder.ToString();
    }

    /// <summary>project|kind|partition with '|' and '%' escaped, so two different keys never share a partition value.</summary>
    private static string PartitionValue(DocumentKey key) =>
        string.Join('|', Escape(key.ProjectId), Escape(key.Kind), Escape(key.PartitionKey));

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    private static CosmosPredicate Where(DocumentQuery query) =>
        CosmosPredicate.And(
            CosmosPredicate.Compare("c.p", "=", CosmosSql.Literal(query.ProjectId)),
            CosmosPredicate.Compare("c.k", "=", CosmosSql.Literal(query.Kind)),
            // On the partition key path itself: that is what routes the query to one partition (the local server even requires it).
            query.PartitionKey is null
                ? CosmosPredicate.True
                : CosmosPredicate.Compare("c.pk", "=", CosmosSql.Literal(PartitionValue(new DocumentKey(query.ProjectId, query.Kind, query.PartitionKey, "-")))),
            CosmosSql.Where(query.Where));

    /// <summary>
    /// The patch filter predicate. Two spaces after FROM c: the local server lower-cases (and so
    /// corrupts) a predicate that starts with exactly "from c where"; real Cosmos DB ignores the whitespace.
    /// The partition value is repeated because the local server evaluates the filter across partitions by id.
    /// </summary>
    private static string Filter(DocumentKey key, long sequence, IEnumerable<CosmosPredicate> predicates) =>
        "FROM c  WHERE " + CosmosPredicate.And(
            [
                CosmosPredicate.Compare("c.pk", "=", CosmosSql.Literal(PartitionValue(key))),
                CosmosPredicate.Compare("c.s", "<", sequence.ToString(CultureInfo.InvariantCulture)),
                .. predicates,
            ]).ToSql();

    /// <summary>
    /// The first <paramref name="count"/> documents after <paramref name="position"/> in listing order, segment by
    /// segment (<see cref="CosmosOrdering"/>); every query orders by a single path, so no composite index is needed.
    /// </summary>
    private static async Task<List<JsonObject>> WindowAsync(Container documents, DocumentQuery query, CosmosContinuation? position, int count, CancellationToken cancellationToken)
    {
        var field = CosmosSql.Field(query.OrderBy);
        var order = query.Descending ? "<" : ">";
        var window = new List<JsonObject>();
        foreach (var segment in CosmosOrdering.From(position?.Rank ?? CosmosOrdering.First(query.Descending), query.Descending))
        {
            var where = CosmosPredicate.And(Where(query), CosmosOrdering.Test(segment, field));
            var valued = CosmosOrdering.Valued(segment);
            if (position is not null && position.Rank == segment)
            {
                var id = CosmosSql.Literal(position.Id);
                var tie = CosmosPredicate.Or(
                    CosmosPredicate.Compare("c.i", order, id),
                    CosmosPredicate.And(CosmosPredicate.Compare("c.i", "=", id), CosmosPredicate.Compare("c.kp", order, CosmosSql.Literal(position.PartitionKey))));
                var value = CosmosSql.Literal(position.Value);
                where = CosmosPredicate.And(
                    where,
                    valued ? CosmosPredicate.Or(CosmosPredicate.Compare(field, order, value), CosmosPredicate.And(CosmosPredicate.Compare(field, "=", value), tie)) : tie);
            }

            var needed = count - window.Count;
            window.AddRange(valued
                ? await ByValueAsync(documents, query, where, field, needed, cancellationToken).ConfigureAwait(false)
                : await ByIdAsync(documents, query, where, needed, cancellationToken).ConfigureAwait(false));
            if (window.Count >= count)
            {
                break;
            }
        }

        return window;
    }

    /// <summary>
    /// The first documents of one typed segment by value, then id and partition key. The server orders by value only;
    /// the documents sharing the last value seen may continue beyond the window, so that value's documents are
    /// fetched again in id order.
    /// </summary>
    private static async Task<List<JsonObject>> ByValueAsync(Container documents, DocumentQuery query, CosmosPredicate where, string field, int count, CancellationToken cancellationToken)
    {
        var sql = $"SELECT TOP {count.ToString(CultureInfo.InvariantCulture)} * FROM c WHERE {where.ToSql()} ORDER BY {field} {Direction(query)}";
        var rows = await RunQueryAsync(documents, sql, query, count, cancellationToken).ConfigureAwait(false);
        var compare = Comparer<JsonObject>.Create((left, right) =>
        {
            var byValue = CosmosOrdering.CompareValues(SortValue(left, query.OrderBy), SortValue(right, query.OrderBy));
            return byValue != 0 ? (query.Descending ? -byValue : byValue) : CompareKeys(left, right, query.Descending);
        });
        if (rows.Count < count)
        {
            rows.Sort(compare);
            return rows;
        }

        var boundary = SortValue(rows[^1], query.OrderBy);
        var before = rows.Where(row => CosmosOrdering.CompareValues(SortValue(row, query.OrderBy), boundary) != 0).ToList();
        before.Sort(compare);
        var ties = await ByIdAsync(documents, query, CosmosPredicate.And(where, CosmosPredicate.Compare(field, "=", CosmosSql.Literal(boundary))), count - before.Count, cancellationToken).ConfigureAwait(false);
        return [.. before, .. ties];
    }

    /// <summary>
    /// The first documents by id, then partition key. The server orders by id only; an id repeats only across
    /// partitions, so all documents with the last id seen are read and ordered here.
    /// </summary>
    private static async Task<List<JsonObject>> ByIdAsync(Container documents, DocumentQuery query, CosmosPredicate where, int count, CancellationToken cancellationToken)
    {
        var compare = Comparer<JsonObject>.Create((left, right) => CompareKeys(left, right, query.Descending));
        var sql = $"SELECT TOP {count.ToString(CultureInfo.InvariantCulture)} * FROM c WHERE {where.ToSql()} ORDER BY c.i {Direction(query)}";
        var rows = await RunQueryAsync(documents, sql, query, count, cancellationToken).ConfigureAwait(false);
        if (rows.Count < count)
        {
            rows.Sort(compare);
            return rows;
        }

        var lastId = rows[^1]["i"]!.GetValue<string>();
        var before = rows.Where(row => row["i"]!.GetValue<string>() != lastId).ToList();
        var same = await RunQueryAsync(documents, $"SELECT * FROM c WHERE {CosmosPredicate.And(where, CosmosPredicate.Compare("c.i", "=", CosmosSql.Literal(lastId))).ToSql()}", query, int.MaxValue, cancellationToken).ConfigureAwait(false);
        before.Sort(compare);
        same.Sort(compare);
        return [.. before, .. same.Take(count - before.Count)];
    }

    private static string Direction(DocumentQuery query) => query.Descending ? "DESC" : "ASC";

    private static int CompareKeys(JsonObject left, JsonObject right, bool descending)
    {
        var result = string.CompareOrdinal(left["i"]!.GetValue<string>(), right["i"]!.GetValue<string>());
        if (result == 0)
        {
            result = string.CompareOrdinal(left["kp"]!.GetValue<string>(), right["kp"]!.GetValue<string>());
        }

        return descending ? -result : result;
    }

    private static JsonNode? SortValue(JsonObject envelope, string orderBy) => CosmosConditions.Get(envelope, FieldPath(orderBy));

    private static string FieldPath(string orderBy) => orderBy switch
    {
        DocumentTimestamps.CreatedAtPath => "ca",
        DocumentTimestamps.UpdatedAtPath => "ua",
        _ => "b." + orderBy,
    };

    private static JsonObject WithoutTimestamps(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove(DocumentTimestamps.CreatedAtPath);
        copy.Remove(DocumentTimestamps.UpdatedAtPath);
        return copy;
    }

    private static string ETag(JsonObject envelope) => envelope["_etag"]!.GetValue<string>();

    private static StoredDocument ToStored(JsonObject envelope)
    {
        var key = new DocumentKey(envelope["p"]!.GetValue<string>(), envelope["k"]!.GetValue<string>(), envelope["kp"]!.GetValue<string>(), envelope["i"]!.GetValue<string>());
        var body = (JsonObject)envelope["b"]!.DeepClone();
        var created = envelope["ca"]!.GetValue<string>();
        var updated = envelope["ua"]!.GetValue<string>();
        body[DocumentTimestamps.CreatedAtPath] = created;
        body[DocumentTimestamps.UpdatedAtPath] = updated;
        return new StoredDocument(key, body, ETag(envelope), DocumentTimestamps.Parse(created), DocumentTimestamps.Parse(updated));
    }

    private static DocumentChange ToChange(JsonObject entry) =>
        new(
            entry["n"]!.GetValue<long>(),
            new DocumentKey(entry["p"]!.GetValue<string>(), entry["k"]!.GetValue<string>(), entry["kp"]!.GetValue<string>(), entry["i"]!.GetValue<string>()),
            Enum.Parse<ChangeKind>(entry["c"]!.GetValue<string>()),
            entry["b"] is JsonObject body ? (JsonObject)body.DeepClone() : null,
            entry["e"]?.GetValue<string>(),
            DocumentTimestamps.Parse(entry["at"]!.GetValue<string>()));

    private static MemoryStream ToStream(JsonNode node) => new(JsonSerializer.SerializeToUtf8Bytes(node));

    private static async Task<JsonObject> ReadObjectAsync(ResponseMessage response, CancellationToken cancellationToken) =>
        (await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false))!.AsObject();

    private static async Task<List<JsonObject>> ReadDocumentsAsync(ResponseMessage response, CancellationToken cancellationToken, bool values = false)
    {
        var page = await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return page["Documents"]!.AsArray()
            .Select(item => values ? new JsonObject { ["v"] = item?.DeepClone() } : item!.AsObject())
            .ToList();
    }

    private static void EnsureSuccess(ResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosException(
                $"Cosmos DB answered {(int)response.StatusCode}: {response.ErrorMessage}", response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }
    }

    private static async Task<JsonObject?> ReadEnvelopeAsync(Container documents, DocumentKey key, CancellationToken cancellationToken)
    {
        using var response = await documents.ReadItemStreamAsync(CosmosId(key.Id), new PartitionKey(PartitionValue(key)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<JsonObject>> RunQueryAsync(Container documents, string sql, DocumentQuery query, int limit, CancellationToken cancellationToken, bool values = false)
    {
        var requestOptions = new QueryRequestOptions { MaxItemCount = Math.Min(limit, 1000) };
        if (query.PartitionKey is not null)
        {
            requestOptions.PartitionKey = new PartitionKey(PartitionValue(new DocumentKey(query.ProjectId, query.Kind, query.PartitionKey, "-")));
        }

        var results = new List<JsonObject>();
        using var iterator = documents.GetItemQueryStreamIterator(new QueryDefinition(sql), requestOptions: requestOptions);
        while (iterator.HasMoreResults && results.Count < limit)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            EnsureSuccess(response);
            results.AddRange(await ReadDocumentsAsync(response, cancellationToken, values).ConfigureAwait(false));
        }

        return results;
    }

    private bool GapExpired(JsonObject entry) =>
        entry["w"] is JsonNode written
        && DateTimeOffset.UtcNow - DateTimeOffset.Parse(written.GetValue<string>(), CultureInfo.InvariantCulture) > options.ChangeGapGrace;

    private DateTimeOffset Now() => DocumentTimestamps.Truncate(clock.GetUtcNow());

    private async Task<StoredDocument> WrittenAsync(Container changes, long sequence, ResponseMessage response, ChangeKind change, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            await VoidAsync(changes, sequence, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(response);
        }

        var stored = ToStored(await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false));
        await AppendAsync(changes, sequence, stored.Key, change, stored.Body, stored.ETag, DocumentTimestamps.Format(stored.UpdatedAt), cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// The next number of the change log: one increment of one counter document. Taken before the
    /// write it numbers, and the write is filtered on "s &lt; sequence", so one document's writes are
    /// logged in the order they were applied.
    /// </summary>
    private static async Task<long> NextSequenceAsync(Container changes, CancellationToken cancellationToken)
    {
        using var response = await changes.PatchItemStreamAsync(
            SequenceId, new PartitionKey(LogPartition), [CosmosPatch.Increment("/value", 1)], cancellationToken: cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
        return (await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false))["value"]!.GetValue<long>();
    }

    /// <summary>A sequence whose write did not happen is logged as void, so readers need not wait for it.</summary>
    private static Task VoidAsync(Container changes, long sequence, CancellationToken cancellationToken) =>
        CreateLogEntryAsync(changes, new JsonObject { ["id"] = SequenceText(sequence), ["g"] = LogPartition, ["n"] = sequence, ["void"] = true }, cancellationToken);

    private static Task AppendAsync(Container changes, long sequence, DocumentKey key, ChangeKind change, JsonObject? body, string? etag, string at, CancellationToken cancellationToken) =>
        CreateLogEntryAsync(
            changes,
            new JsonObject
            {
                ["id"] = SequenceText(sequence),
                ["g"] = LogPartition,
                ["n"] = sequence,
                ["c"] = change.ToString(),
                ["p"] = key.ProjectId,
                ["k"] = key.Kind,
                ["kp"] = key.PartitionKey,
                ["i"] = key.Id,
                ["b"] = body?.DeepClone(),
                ["e"] = etag,
                ["at"] = at,
                ["w"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
            cancellationToken);

    private static async Task CreateLogEntryAsync(Container changes, JsonObject entry, CancellationToken cancellationToken)
    {
        // Not cancellable: a sequence whose entry is never written stalls readers for the grace period.
        using var response = await changes.CreateItemStreamAsync(ToStream(entry), new PartitionKey(LogPartition), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        EnsureSuccess(response);
    }

    private static string SequenceText(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    private async Task<(Container Documents, Container Changes)> EnsureContainersAsync()
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(options.Database).ConfigureAwait(false);
        var documentsProperties = new ContainerProperties(options.DocumentsContainer, "/pk")
        {
            IndexingPolicy = CosmosIndexing.Documents(),
        };
        Container documents = await database.CreateContainerIfNotExistsAsync(documentsProperties).ConfigureAwait(false);
        var changesProperties = new ContainerProperties(options.ChangesContainer, "/g")
        {
            DefaultTimeToLive = options.ChangeLogTimeToLiveSeconds,
            IndexingPolicy = CosmosIndexing.Changes(),
        };
        Container changes = await database.CreateContainerIfNotExistsAsync(changesProperties).ConfigureAwait(false);
        using var counter = await changes.CreateItemStreamAsync(
            ToStream(new JsonObject { ["id"] = SequenceId, ["g"] = LogPartition, ["value"] = 0, ["ttl"] = -1 }), new PartitionKey(LogPartition)).ConfigureAwait(false);
        if (counter.StatusCode != HttpStatusCode.Conflict)
        {
            EnsureSuccess(counter);
        }

        return (documents, changes);
    }
}
