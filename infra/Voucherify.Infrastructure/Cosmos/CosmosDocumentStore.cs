using System.Buffers;
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
/// timestamps), ca / ua (created_at / updated_at), w (what the last write was: Created, Replaced,
/// Patched, Deleted), and on a deleted document del (when) and ttl. Every write is one single-document
/// Cosmos operation; guards run server-side as a patch filter predicate, so a limit holds however many
/// instances race. A delete is itself such a write: the item becomes a tombstone that expires by TTL, so
/// the change feed (which has no deletes) carries it to handlers (<see cref="CosmosChangeFeedProcessor"/>;
/// docs/COSMOS.md). Reads, queries and guards treat a tombstone as absent.
/// </summary>
public sealed class CosmosDocumentStore : IDocumentStore, IDisposable
{
    // Enough creates in flight to hide the round trip; few enough that one bulk job leaves the account's RU/s to others.
    private const int ConcurrentCreates = 16;

    // Cosmos DB's limit on the operations of one patch.
    private const int MaxPatchOperations = 10;

    private static readonly SearchValues<char> EscapedInIds = SearchValues.Create("/\\?#%~");

    private readonly CosmosStoreOptions options;
    private readonly TimeProvider clock;
    private readonly CosmosClient client;
    private readonly bool ownsClient;
    private readonly Lazy<Task<(Container Documents, Container Leases)>> containers;

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

    public async ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var envelope = await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false);
        return envelope is null ? null : ToStored(envelope);
    }

    /// <summary>
    /// The documents of a batch usually fall into many partitions, and a transactional batch holds one partition
    /// only: the creates run concurrently instead (bounded, so a big batch does not flood the account with 429s).
    /// </summary>
    public async Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(document.Body);
            StoreArguments.Key(document.Key);
        }

        var created = new bool[documents.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCreates, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, documents.Count, parallel, async (i, token) =>
        {
            try
            {
                await CreateAsync(documents[i], token).ConfigureAwait(false);
                created[i] = true;
            }
            catch (DocumentConflictException)
            {
                // Taken before, or by another document of this batch with the same key: not created by this call.
            }
        }).ConfigureAwait(false);
        return created;
    }

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        var key = document.Key;
        StoreArguments.Key(key);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var stamp = DocumentTimestamps.Format(Now());
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
            ["w"] = nameof(ChangeKind.Created),
        };
        var partition = new PartitionKey(PartitionValue(key));

        while (true)
        {
            using var response = await documents.CreateItemStreamAsync(ToStream(envelope), partition, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                EnsureSuccess(response);
                return ToStored(await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false));
            }

            // The id is taken: by a live document (a conflict), or by the tombstone of a deleted one, which the new
            // document replaces in one conditional write; losing that race to another writer means reading again.
            var tombstone = await ReadItemAsync(documents, key, cancellationToken).ConfigureAwait(false);
            if (tombstone is null)
            {
                continue;
            }

            if (!IsTombstone(tombstone))
            {
                throw new DocumentConflictException(key);
            }

            using var replaced = await documents.ReplaceItemStreamAsync(
                ToStream(envelope), CosmosId(key.Id), partition, new ItemRequestOptions { IfMatchEtag = ETag(tombstone) }, cancellationToken).ConfigureAwait(false);
            if (replaced.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
            {
                EnsureSuccess(replaced);
                return ToStored(await ReadObjectAsync(replaced, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    public async Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        var key = document.Key;
        StoreArguments.Key(key);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
        var body = WithoutTimestamps(document.Body);
        CosmosPatch[] operations =
        [
            CosmosPatch.Set<JsonNode?>("/b", body),
            CosmosPatch.Set("/ua", DocumentTimestamps.Format(Now())),
            CosmosPatch.Set("/w", nameof(ChangeKind.Replaced)),
        ];
        var requestOptions = new PatchItemRequestOptions { FilterPredicate = Filter(key, []), IfMatchEtag = ifMatch };
        using var response = await documents.PatchItemStreamAsync(CosmosId(key.Id), new PartitionKey(PartitionValue(key)), operations, requestOptions, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return null;
            case HttpStatusCode.PreconditionFailed:
                // The filter fails only on a tombstone (deleted meanwhile); otherwise the etag did not match.
                return await ReadEnvelopeAsync(documents, key, cancellationToken).ConfigureAwait(false) is null
                    ? null
                    : throw new PreconditionFailedException(key);
            default:
                return await WrittenAsync(response, cancellationToken).ConfigureAwait(false);
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
        var (documents, _) = await containers.Value.ConfigureAwait(false);

        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                // Lost a race on this document: a short random pause spreads the racers of a hot document (a public
                // code) instead of having all of them read and patch again at once. Real time, not the business clock.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(8 * attempt, 100))), cancellationToken).ConfigureAwait(false);
            }

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
            List<CosmosPatch> stamps = [CosmosPatch.Set("/ua", DocumentTimestamps.Format(Now())), CosmosPatch.Set("/w", nameof(ChangeKind.Patched))];
            List<CosmosPatch> cosmosOperations = [.. plan.Operations, .. stamps];
            var requestOptions = new PatchItemRequestOptions { FilterPredicate = Filter(key, [guard, .. plan.Assumptions]) };
            if (cosmosOperations.Count > MaxPatchOperations)
            {
                // Cosmos DB refuses a patch of more operations: the body they make of the version just read replaces that
                // very version (its etag), and the guard already held on it, so the write is as atomic as the patch.
                cosmosOperations = [CosmosPatch.Set<JsonNode?>("/b", plan.Result), .. stamps];
                requestOptions = new PatchItemRequestOptions { FilterPredicate = Filter(key, []), IfMatchEtag = ETag(current) };
            }

            using var response = await documents.PatchItemStreamAsync(CosmosId(key.Id), new PartitionKey(PartitionValue(key)), cosmosOperations, requestOptions, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return PatchResult.NotFound;
                case HttpStatusCode.PreconditionFailed:
                    // The guard, the shape the plan relied on, or a delete in between failed the filter; the next read tells which.
                    continue;
                default:
                    return PatchResult.Applied(await WrittenAsync(response, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    public async Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        var (documents, _) = await containers.Value.ConfigureAwait(false);
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

            // Not a Cosmos delete: the latest-version change feed never shows one. The item becomes a tombstone in one
            // conditional write, which the feed does show, and TTL removes it once every handler had time to see it.
            CosmosPatch[] operations =
            [
                CosmosPatch.Set("/del", stamp),
                CosmosPatch.Set("/ua", stamp),
                CosmosPatch.Set("/w", nameof(ChangeKind.Deleted)),
                CosmosPatch.Set("/ttl", options.TombstoneTimeToLiveSeconds),
            ];
            using var response = await documents.PatchItemStreamAsync(
                CosmosId(key.Id), new PartitionKey(PartitionValue(key)), operations, new PatchItemRequestOptions { IfMatchEtag = ETag(current) }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
            {
                continue;
            }

            EnsureSuccess(response);
            return true;
        }
    }

    public async ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
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

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    /// <summary>The documents container (what the change feed processor watches) and the lease container (its checkpoints).</summary>
    internal Task<(Container Documents, Container Leases)> ContainersAsync() => containers.Value;

    /// <summary>
    /// One item of the change feed as the change it stands for: the version of a live document, or the deletion a
    /// tombstone records (no body, no etag). The sequence is the item's logical sequence number, which orders the
    /// changes of one partition.
    /// </summary>
    internal static DocumentChange ChangeOf(JsonObject item)
    {
        var sequence = item["_lsn"]!.GetValue<long>();
        if (IsTombstone(item))
        {
            var key = new DocumentKey(item["p"]!.GetValue<string>(), item["k"]!.GetValue<string>(), item["kp"]!.GetValue<string>(), item["i"]!.GetValue<string>());
            return new DocumentChange(sequence, key, ChangeKind.Deleted, null, null, DocumentTimestamps.Parse(item["del"]!.GetValue<string>()));
        }

        var stored = ToStored(item);
        var change = item["w"] is JsonNode written ? Enum.Parse<ChangeKind>(written.GetValue<string>()) : ChangeKind.Replaced;
        return new DocumentChange(sequence, stored.Key, change, stored.Body, stored.ETag, stored.UpdatedAt);
    }

    /// <summary>
    /// Cosmos ids cannot hold '/', '\', '?' or '#', and point operations on ids holding '%' fail: the SDK puts the id
    /// into the request's path unescaped, and the gateway (and the local server) decode it. Those characters, and '~',
    /// the escape, are written as '~' and two hex digits, which no URL changes. So are the dots of an id "." or "..",
    /// which the request's URL would resolve as a path segment (the container, not the document).
    /// </summary>
    private static string CosmosId(string id)
    {
        if (id is "." or "..")
        {
            return id.Replace(".", "~2E", StringComparison.Ordinal);
        }

        if (id.AsSpan().IndexOfAny(EscapedInIds) < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var character in id)
        {
            if (EscapedInIds.Contains(character))
            {
                builder.Append('~').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>project|kind|partition with '|' and '%' escaped, so two different keys never share a partition value.</summary>
    private static string PartitionValue(DocumentKey key) =>
        string.Join('|', Escape(key.ProjectId), Escape(key.Kind), Escape(key.PartitionKey));

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    private static CosmosPredicate Live { get; } = CosmosPredicate.Function("IS_DEFINED(c.del)").Not();

    private static CosmosPredicate Where(DocumentQuery query) =>
        CosmosPredicate.And(
            CosmosPredicate.Compare("c.p", "=", CosmosSql.Literal(query.ProjectId)),
            CosmosPredicate.Compare("c.k", "=", CosmosSql.Literal(query.Kind)),
            // On the partition key path itself: that is what routes the query to one partition (the local server even requires it).
            query.PartitionKey is null
                ? CosmosPredicate.True
                : CosmosPredicate.Compare("c.pk", "=", CosmosSql.Literal(PartitionValue(new DocumentKey(query.ProjectId, query.Kind, query.PartitionKey, "-")))),
            Live,
            CosmosSql.Where(query.Where));

    /// <summary>
    /// The patch filter predicate. Two spaces after FROM c: the local server lower-cases (and so
    /// corrupts) a predicate that starts with exactly "from c where"; real Cosmos DB ignores the whitespace.
    /// The partition value is repeated because the local server evaluates the filter across partitions by id.
    /// A tombstone never matches, so no write lands on a document deleted since it was read.
    /// </summary>
    private static string Filter(DocumentKey key, IEnumerable<CosmosPredicate> predicates) =>
        "FROM c  WHERE " + CosmosPredicate.And(
            [
                CosmosPredicate.Compare("c.pk", "=", CosmosSql.Literal(PartitionValue(key))),
                Live,
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

    private static JsonNode? SortValue(JsonObject envelope, string orderBy) => DocumentPaths.Get(envelope, FieldPath(orderBy));

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

    private static bool IsTombstone(JsonObject item) => item["del"] is not null;

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

    /// <summary>The live document; null if there is none or only its tombstone.</summary>
    private static async Task<JsonObject?> ReadEnvelopeAsync(Container documents, DocumentKey key, CancellationToken cancellationToken)
    {
        var item = await ReadItemAsync(documents, key, cancellationToken).ConfigureAwait(false);
        return item is null || IsTombstone(item) ? null : item;
    }

    private static async Task<JsonObject?> ReadItemAsync(Container documents, DocumentKey key, CancellationToken cancellationToken)
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

    private DateTimeOffset Now() => DocumentTimestamps.Truncate(clock.GetUtcNow());

    private static async Task<StoredDocument> WrittenAsync(ResponseMessage response, CancellationToken cancellationToken)
    {
        EnsureSuccess(response);
        return ToStored(await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false));
    }

    private async Task<(Container Documents, Container Leases)> EnsureContainersAsync()
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(options.Database).ConfigureAwait(false);
        var documentsProperties = new ContainerProperties(options.DocumentsContainer, "/pk")
        {
            IndexingPolicy = CosmosIndexing.Documents(),

            // On, with no default expiry: only tombstones carry a ttl.
            DefaultTimeToLive = -1,
        };
        Container documents = await database.CreateContainerIfNotExistsAsync(documentsProperties).ConfigureAwait(false);
        // The change feed processor's checkpoints: one lease per partition key range and handler, partitioned by id as the SDK requires.
        Container leases = await database.CreateContainerIfNotExistsAsync(new ContainerProperties(options.LeasesContainer, "/id")).ConfigureAwait(false);
        return (documents, leases);
    }
}
