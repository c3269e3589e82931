using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one at a
/// time, each appending its row to the change log, so the log's order is the commit order. Writes
/// that queue up meanwhile are group-committed: one IMMEDIATE transaction runs them all, a write that fails undoes only
/// its own changes (see RunBatchAsync), and every caller is answered after the COMMIT. Reads use a small pool of connections
/// and never wait for writers.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore, IAtomicDocumentWriter, IDisposable
{
    /// <summary>Stored text stays readable (no \u escapes for non-ASCII); it is never embedded in HTML.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string KeyMatch = "project_id = @project AND kind = @kind AND partition_key = @partition AND id = @id";

    private static readonly string InsertSql = $"""
        INSERT INTO documents (project_id, kind, partition_key, id, body, etag, created_at, updated_at, {SqliteLookupColumns.ColumnList})
        VALUES (@project, @kind, @partition, @id, @body, @etag, @now, @now, {SqliteLookupColumns.ParameterList})
        ON CONFLICT DO NOTHING
        """;

    private readonly SqliteStoreOptions options;
    private readonly TimeProvider clock;
    private readonly string connectionString;
    private readonly SqliteReadPool readPool;
    private readonly SqliteReadCache cache;

    // Writes that arrive while one batch commits share the next transaction: its pages (a hot voucher's leaf,
    // the index and change-log pages) go to the WAL once per batch instead of once per write.
    private const int MaxBatch = 64;

    // In-process writers queue here, asynchronously; SQLite's busy timeout only has to cover other processes. A waiting
    // caller's writes (WriteUrgency) and background ones queue apart, and a batch takes every caller's write first. At
    // redeem's half load the change feed's one write of ~160 order tallies took ~4 ms of the writer, and every
    // redemption queued behind it waited; a draw of generated codes was one write of 1,000 inserts, and redemptions at
    // half load while a campaign generated its codes had a p99 of 77-110 ms (42.7-54 ms since). So a
    // CreateMany is queued in chunks of BackgroundShare documents (it is not one transaction anyway), background work
    // shares a commit with callers' writes only up to BackgroundShare documents (still at least one write, so it always
    // moves). A batch of background work alone holds up to BackgroundWhileCallers documents while callers have written
    // lately (a caller who arrives during it waits for all of it), and BackgroundAlone once they are quiet: larger
    // commits generate codes faster (a commit writes every page its random keys touched; 200,000 codes took ~25% longer
    // in commits of 128 than of 1,000).
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<SqliteQueuedWrite> callerWrites = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<SqliteQueuedWrite> backgroundWrites = new();
    private const int BackgroundShare = 32;
    private const int BackgroundWhileCallers = 128;
    private const int BackgroundAlone = 1024;
    private static readonly TimeSpan CallersLately = TimeSpan.FromMilliseconds(100);
    private long lastCallerBatch;
    private int batchesOnIdleThreads;
    private readonly Lock initLock = new();
    private SqliteSession? writeSession;
    private readonly SqliteKindCounts kindCounts = new();
    private volatile bool disposed;

    // The writer does not checkpoint every commit (SQLite would do it inside a COMMIT, holding every queued write up);
    // every few commits a read connection checkpoints in the background instead, PASSIVE, so neither side waits for the
    // other. But under steady writes a background checkpoint never catches up with the last frame, and SQLite starts the
    // WAL over only once every frame is back in the database: the WAL grew without bound (1.2 GB after 45,000
    // redemptions). So once a background checkpoint finds the WAL longer than SqliteStoreOptions.WalRestartFrames, the
    // writer itself checkpoints after its next commit, holding the gate: no frame is added meanwhile and the background
    // has copied most already, so it is short, and the next write starts the WAL over. That checkpoint copies what was
    // committed since the last background one, so they run every 4 commits, not 16: timed under the gate at redeem's
    // half load, its copy took 5-19 ms (median ~10) at 16 and 0-13 ms (median ~6) at 4, and p99 went ~21 -> ~17 ms; CPU
    // per redemption at full load did not move.
    private const int CommitsPerCheckpoint = 4;
    private int commitsSinceCheckpoint;
    private Task checkpointing = Task.CompletedTask;

    // The WAL's length as the last background checkpoint found it; 0 once a restart has taken it in hand.
    private long walFrames;

    // How long the writer, holding every queued write up, waits for readers still inside the WAL it restarts. A reader
    // that began before the copy ended is usually a point read, done in microseconds, and a short wait covers it. A long
    // one (a change-feed batch, a long page) is not waited for: the restart gives up, the WAL grows, and the next commit
    // tries again. Waiting 200 ms every time held every write for up to 200 ms a few times per benchmark run (timed in the
    // restart: 171-202 ms, three of them giving up all the same) and gave full-load redemptions a p99 of 217 ms. Only a
    // WAL several times too long, which readers have kept from restarting try after try, is worth that wait.
    private static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan OverdueRestartWait = TimeSpan.FromMilliseconds(200);
    private const int OverdueRestartFactor = 4;

    public SqliteDocumentStore(SqliteStoreOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath);
        ArgumentNullException.ThrowIfNull(clock);
        this.options = options;
        this.clock = clock;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.FilePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // This store pools its own connections, configured once; the provider's pool would hand back unconfigured ones.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        readPool = new SqliteReadPool(() => OpenSession(ReadCacheKiB), options.MaxIdleReadConnections);
        cache = new SqliteReadCache(options.ReadCacheSize);
    }

    public string FilePath => Path.GetFullPath(options.FilePath);

    public async ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        ObjectDisposedException.ThrowIf(disposed, this);
        var row = await cache.GetOrReadAsync(
            key,
            (Store: this, Key: key, Token: cancellationToken),
            static state => state.Store.ReadRowAsync(state.Key, state.Token),
            static read => read.Body.Length).ConfigureAwait(false);
        return row?.ToDocument(key);
    }

    private Task<SqliteReturnedRow?> ReadRowAsync(DocumentKey key, CancellationToken cancellationToken) =>
        ReadAsync(
            async session =>
            {
                var command = session.Command($"SELECT body, etag, created_at, updated_at FROM documents WHERE {KeyMatch}");
                AddKey(command, key);
                return await ReadReturnedAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken = default)
    {
        var insert = PrepareInsert(document);
        var created = await WriteAsync(session => InsertAsync(session, insert, cancellationToken), cancellationToken).ConfigureAwait(false);
        return created ? insert.Stored : throw new DocumentConflictException(insert.Stored.Key);
    }

    /// <summary>One queued write, so one transaction: the batch commits whole or not at all here.</summary>
    public async Task<IReadOnlyList<bool>> CreateManyAsync(IReadOnlyList<NewDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var inserts = documents.Select(PrepareInsert).ToList();
        if (inserts.Count == 0)
        {
            return [];
        }

        EnsureInitialized();
        cancellationToken.ThrowIfCancellationRequested();

        // Every chunk is queued before any is committed, so a large create still fills whole batches.
        var chunks = inserts.Chunk(BackgroundShare).Select(chunk => Enqueue(
            async session =>
            {
                var created = new bool[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    created[i] = await InsertAsync(session, chunk[i], cancellationToken).ConfigureAwait(false);
                }

                return created;
            },
            chunk.Length,
            cancellationToken)).ToList();
        await CommitUntilAsync(chunks).ConfigureAwait(false);

        var all = new List<bool>(inserts.Count);
        foreach (var chunk in chunks)
        {
            all.AddRange((bool[])(await chunk.Completion.ConfigureAwait(false))!);
        }

        return all;
    }

    public async Task<StoredDocument?> ReplaceAsync(NewDocument document, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        var key = document.Key;
        StoreArguments.Key(key);

        var stamp = DocumentTimestamps.Format(Now());
        var text = document.Body.ToJsonString(JsonOptions);
        var lookups = SqliteLookupColumns.ValuesOf(document.Body);
        var etag = NewETag();

        var replaced = await WriteAsync<SqliteReturnedRow?>(
            async session =>
            {
                cache.Writing(key);
                var command = session.Command($"""
                    UPDATE documents
                    SET body = json_set(@body, '$.{DocumentTimestamps.CreatedAtPath}', created_at, '$.{DocumentTimestamps.UpdatedAtPath}', @now),
                        etag = @etag,
                        updated_at = @now,
                        {SqliteLookupColumns.Assignments}
                    WHERE {KeyMatch} {(ifMatch is null ? string.Empty : "AND etag = @ifMatch")}
                    RETURNING body, etag, created_at, updated_at
                    """);
                AddKey(command, key);
                SqliteLookupColumns.Bind(command, lookups);
                command.Parameters.AddWithValue("@body", text);
                command.Parameters.AddWithValue("@etag", etag);
                command.Parameters.AddWithValue("@now", stamp);
                if (ifMatch is not null)
                {
                    command.Parameters.AddWithValue("@ifMatch", ifMatch);
                }

                var row = await ReadReturnedAsync(command, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return ifMatch is not null && await ExistsAsync(session, key, cancellationToken).ConfigureAwait(false)
                        ? throw new PreconditionFailedException(key)
                        : null;
                }

                await AppendChangeAsync(session, key, ChangeKind.Replaced, row.Body, etag, stamp, cancellationToken).ConfigureAwait(false);
                return row;
            },
            cancellationToken).ConfigureAwait(false);
        return replaced?.ToDocument(key);
    }

    public async Task<PatchResult> PatchAsync(
        DocumentKey key,
        IReadOnlyList<PatchOperation> operations,
        IReadOnlyList<Condition>? conditions = null,
        CancellationToken cancellationToken = default)
    {
        // Built before taking the write lock: a bad path fails fast and holds nobody up.
        var patch = PreparePatch(key, operations, conditions);
        var (row, failed) = await WriteAsync(session => RunPatchAsync(session, patch, cancellationToken), cancellationToken).ConfigureAwait(false);
        return failed is { } outcome
            ? outcome == PatchOutcome.NotFound ? PatchResult.NotFound : PatchResult.ConditionFailed
            : PatchResult.Applied(row!.ToDocument(key));
    }

    /// <summary>One queued write, so one transaction: a write that cannot be applied undoes the writes before it.</summary>
    public async Task<AtomicWriteResult> WriteAtomicallyAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var patches = new SqlitePreparedPatch?[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            switch (writes[i])
            {
                case AtomicPatch patch:
                    patches[i] = PreparePatch(patch.Key, patch.Operations, patch.Conditions);
                    break;
                case AtomicCreate create:
                    StoreArguments.Key(create.Key);
                    ArgumentNullException.ThrowIfNull(create.Body);
                    break;
                case null:
                    throw new ArgumentNullException(nameof(writes));
                default:
                    throw new NotSupportedException($"Atomic write {writes[i].GetType().Name} is not supported.");
            }
        }

        try
        {
            var stored = await WriteAsync<IReadOnlyList<StoredDocument>>(
                async session =>
                {
                    var done = new StoredDocument?[writes.Count];
                    for (var i = 0; i < writes.Count; i++)
                    {
                        done[i] = writes[i] switch
                        {
                            AtomicPatch => await PatchOrAbortAsync(session, patches[i]!, i, cancellationToken).ConfigureAwait(false),
                            AtomicCreate create => await CreateOrAbortAsync(session, create, done, i, cancellationToken).ConfigureAwait(false),
                            _ => throw new UnreachableException(),
                        };
                    }

                    return done!;
                },
                cancellationToken).ConfigureAwait(false);
            return AtomicWriteResult.Committed(stored);
        }
        catch (SqliteAtomicAbort abort)
        {
            return AtomicWriteResult.Refused(abort.Index, abort.Outcome);
        }
    }

    public async Task<bool> DeleteAsync(DocumentKey key, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        StoreArguments.Key(key);
        var stamp = DocumentTimestamps.Format(Now());

        return await WriteAsync(
            async session =>
            {
                cache.Writing(key);
                var command = session.Command($"DELETE FROM documents WHERE {KeyMatch} {(ifMatch is null ? string.Empty : "AND etag = @ifMatch")}");
                AddKey(command, key);
                if (ifMatch is not null)
                {
                    command.Parameters.AddWithValue("@ifMatch", ifMatch);
                }

                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return ifMatch is not null && await ExistsAsync(session, key, cancellationToken).ConfigureAwait(false)
                        ? throw new PreconditionFailedException(key)
                        : false;
                }

                kindCounts.Add(key, -1);
                await AppendChangeAsync(session, key, ChangeKind.Deleted, null, null, stamp, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        StoreArguments.Query(query);
        if (query.PageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "PageSize must be positive.");
        }

        ObjectDisposedException.ThrowIf(disposed, this);

        // A partition's first page without conditions (a voucher's or campaign's rule assignments, on every validate) is
        // served from memory while nothing in the partition was written.
        if (query is not { PartitionKey: { } partition, Where.Count: 0, Continuation: null })
        {
            return (await ReadPageAsync(query, cancellationToken).ConfigureAwait(false)).ToPage();
        }

        // A page is never null; the ! only carries Task<page> over to the Task<page?> a point read's null needs.
        var page = await cache.GetOrReadAsync(
            new SqliteCachedPageKey(query.ProjectId, query.Kind, partition, query.OrderBy, query.Descending, query.PageSize),
            (Store: this, Query: query, Token: cancellationToken),
            static state => state.Store.ReadPageAsync(state.Query, state.Token)!,
            static read => read.Chars).ConfigureAwait(false);
        return page!.ToPage();
    }

    private async Task<SqliteCachedPage> ReadPageAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var sql = PageSql(query, parameters);

        return await ReadAsync(
            async session =>
            {
                var command = session.Command(sql);
                parameters.CopyTo(command);

                var rows = new List<(DocumentKey Key, SqliteReturnedRow Row)>(Math.Min(query.PageSize, 1000));
                object? lastSortValue = null;
                var more = false;
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (rows.Count == query.PageSize)
                    {
                        more = true;
                        break;
                    }

                    var key = new DocumentKey(query.ProjectId, query.Kind, reader.GetString(0), reader.GetString(1));
                    var row = ReadRow(reader, 2);
                    rows.Add((key, query.ReadShared ? cache.SameVersion(key, row) : row));
                    lastSortValue = reader.IsDBNull(6) ? null : reader.GetValue(6);
                }

                var continuation = more
                    ? new SqliteContinuation(query.OrderBy, query.Descending, lastSortValue, rows[^1].Key.Id, rows[^1].Key.PartitionKey).Encode()
                    : null;
                return new SqliteCachedPage(rows, continuation);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        StoreArguments.Query(query);

        // A whole kind is counted as it is written (kind_counts), so a list's total costs the same however
        // many documents the kind holds; anything narrower is counted over its rows.
        var parameters = new SqlParameters();
        var sql = query.PartitionKey is null && query.Where is not { Count: > 0 }
            ? $"SELECT IFNULL((SELECT n FROM kind_counts WHERE project_id = {parameters.Add(query.ProjectId)} AND kind = {parameters.Add(query.Kind)}), 0)"
            : CountSql(query, parameters);
        return await ReadAsync(
            async session =>
            {
                var command = session.Command(sql);
                parameters.CopyTo(command);
                return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Committed changes after the checkpoint (null = from the beginning), in commit order, every project and kind
    /// alike; with none new the batch is empty and its checkpoint still resumes at the same place. Given
    /// <paramref name="wanted"/>, the batch holds only the changes it accepts, and the body of any other is never read
    /// (a handler loop passes over two changes in three, and reading their text was most of what a read cost).
    /// </summary>
    public async Task<ChangeBatch> ReadChangesAsync(string? checkpoint, int maxChanges, Func<DocumentKey, bool>? wanted = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChanges);
        long after = 0;
        if (checkpoint is not null && (!long.TryParse(checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            throw new ArgumentException($"'{checkpoint}' is not a checkpoint of this store.", nameof(checkpoint));
        }

        return await ReadAsync(
            async session =>
            {
                var command = session.Command("""
                    SELECT sequence, project_id, kind, partition_key, id, change, body, etag, at
                    FROM changes
                    WHERE sequence > @after
                    ORDER BY sequence
                    LIMIT @limit
                    """);
                command.Parameters.AddWithValue("@after", after);
                command.Parameters.AddWithValue("@limit", maxChanges);

                var (changes, scanned, last) = await ReadChangeRowsAsync(command, wanted, cancellationToken).ConfigureAwait(false);
                return new ChangeBatch(changes, (last ?? after).ToString(CultureInfo.InvariantCulture), scanned);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One object's logged changes (any kind with that id, or only <paramref name="kind"/>) in commit order after
    /// <paramref name="after"/>, at most <paramref name="limit"/>, and how many it has in all: its audit trail.
    /// </summary>
    internal async Task<(IReadOnlyList<DocumentChange> Changes, long Total)> ReadObjectChangesAsync(
        string projectId, string objectId, string? kind, IReadOnlySet<string> excludedKinds, long after, int limit, CancellationToken cancellationToken)
    {
        const string Match = """
            project_id = @project AND id = @id AND (@kind IS NULL OR kind = @kind)
            AND kind NOT IN (SELECT value FROM json_each(@excluded))
            """;
        var excluded = JsonSerializer.Serialize(excludedKinds);
        return await ReadAsync(
            async session =>
            {
                var count = session.Command($"SELECT COUNT(*) FROM changes WHERE {Match}");
                var page = session.Command($"""
                    SELECT sequence, project_id, kind, partition_key, id, change, body, etag, at
                    FROM changes
                    WHERE {Match} AND sequence > @after
                    ORDER BY sequence
                    LIMIT @limit
                    """);
                foreach (var command in new[] { count, page })
                {
                    command.Parameters.AddWithValue("@project", projectId);
                    command.Parameters.AddWithValue("@id", objectId);
                    command.Parameters.AddWithValue("@kind", (object?)kind ?? DBNull.Value);
                    command.Parameters.AddWithValue("@excluded", excluded);
                }

                page.Parameters.AddWithValue("@after", after);
                page.Parameters.AddWithValue("@limit", limit);
                var total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return ((IReadOnlyList<DocumentChange>)(await ReadChangeRowsAsync(page, wanted: null, cancellationToken).ConfigureAwait(false)).Changes, total);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One document's logged changes before a sequence, newest first: a walk back on <c>changes_by_object</c>.</summary>
    internal const string VersionsBeforeSql = """
        SELECT sequence, project_id, kind, partition_key, id, change, body, etag, at
        FROM changes
        WHERE project_id = @project AND id = @id AND sequence < @before AND kind = @kind AND partition_key = @partition
        ORDER BY sequence DESC
        """;

    /// <summary>One document's logged changes before <paramref name="sequence"/>, newest first.</summary>
    internal async Task<IReadOnlyList<DocumentChange>> ReadVersionsBeforeAsync(DocumentKey key, long sequence, CancellationToken cancellationToken) =>
        await ReadAsync(
            async session =>
            {
                var command = session.Command(VersionsBeforeSql);
                command.Parameters.AddWithValue("@project", key.ProjectId);
                command.Parameters.AddWithValue("@id", key.Id);
                command.Parameters.AddWithValue("@before", sequence);
                command.Parameters.AddWithValue("@kind", key.Kind);
                command.Parameters.AddWithValue("@partition", key.PartitionKey);
                return (IReadOnlyList<DocumentChange>)(await ReadChangeRowsAsync(command, wanted: null, cancellationToken).ConfigureAwait(false)).Changes;
            },
            cancellationToken).ConfigureAwait(false);

    /// <returns>The wanted changes (all without <paramref name="wanted"/>), how many rows were read, the last row's sequence.</returns>
    private static async Task<(List<DocumentChange> Changes, int Scanned, long? Last)> ReadChangeRowsAsync(
        SqliteCommand command, Func<DocumentKey, bool>? wanted, CancellationToken cancellationToken)
    {
        var changes = new List<DocumentChange>();
        var scanned = 0;
        long? last = null;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            last = reader.GetInt64(0);
            var key = new DocumentKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            if (wanted is not null && !wanted(key))
            {
                continue;
            }

            changes.Add(DocumentChange.FromText(
                last.Value,
                key,
                ParseChangeKind(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                DocumentTimestamps.Parse(reader.GetString(8))));
        }

        return (changes, scanned, last);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Waiting for the write in flight lets it commit rather than fail on a closed connection.
        writeGate.Wait();
        try
        {
            checkpointing.Wait();
            lock (initLock)
            {
                writeSession?.Dispose();
                writeSession = null;
            }

            readPool.Dispose();
            cache.Dispose();
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>One page of a query, and one row more to tell whether another follows; the sort value is the last column.</summary>
    internal static string PageSql(DocumentQuery query, SqlParameters parameters)
    {
        var filter = Filter(query, parameters);
        var sort = SqliteField.SortKey(query);
        var direction = query.Descending ? "DESC" : "ASC";
        var after = query.Continuation is null
            ? string.Empty
            : "AND " + KeysetAfter(SqliteContinuation.Decode(query.Continuation, query.OrderBy, query.Descending), sort, query.Descending, parameters);
        return $"""
            SELECT partition_key, id, body, etag, created_at, updated_at, {sort} AS sort_key
            FROM documents
            WHERE {filter} {after}
            ORDER BY sort_key {direction}, id {direction}, partition_key {direction}
            LIMIT {parameters.Add((long)query.PageSize + 1)}
            """;
    }

    /// <summary>The statement that counts the documents of a query with a filter.</summary>
    internal static string CountSql(DocumentQuery query, SqlParameters parameters) =>
        $"SELECT COUNT(*) FROM documents WHERE {Filter(query, parameters)}";

    internal static string Filter(DocumentQuery query, SqlParameters parameters)
    {
        var filter = $"project_id = {parameters.Add(query.ProjectId)} AND kind = {parameters.Add(query.Kind)}";
        if (query.PartitionKey is not null)
        {
            filter += $" AND partition_key = {parameters.Add(query.PartitionKey)}";
        }

        return filter + " AND " + SqliteConditions.Where(query.Where, parameters);
    }

    /// <summary>
    /// Rows strictly after the token in (sort, id, partition) order. SQLite orders NULL first, so
    /// ascending a NULL sort value is followed by every non-NULL one, and descending it is last.
    /// </summary>
    private static string KeysetAfter(SqliteContinuation position, string sort, bool descending, SqlParameters parameters)
    {
        var id = parameters.Add(position.Id);
        var partition = parameters.Add(position.PartitionKey);
        var tieOperator = descending ? "<" : ">";
        var tie = $"(id, partition_key) {tieOperator} ({id}, {partition})";
        if (position.SortValue is null)
        {
            return descending
                ? $"({sort} IS NULL AND {tie})"
                : $"({sort} IS NOT NULL OR {tie})";
        }

        var value = parameters.Add(position.SortValue);
        var keyset = $"({sort}, id, partition_key) {tieOperator} ({value}, {id}, {partition})";
        return descending ? $"({keyset} OR {sort} IS NULL)" : keyset;
    }

    private static void AddKey(SqliteCommand command, DocumentKey key)
    {
        command.Parameters.AddWithValue("@project", key.ProjectId);
        command.Parameters.AddWithValue("@kind", key.Kind);
        command.Parameters.AddWithValue("@partition", key.PartitionKey);
        command.Parameters.AddWithValue("@id", key.Id);
    }

    /// <summary>Everything an insert needs, computed before the write lock so the writer only runs the statement.</summary>
    private SqliteInsert PrepareInsert(NewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        StoreArguments.Key(document.Key);
        var now = Now();
        var stamp = DocumentTimestamps.Format(now);
        var body = (JsonObject)document.Body.DeepClone();
        body[DocumentTimestamps.CreatedAtPath] = stamp;
        body[DocumentTimestamps.UpdatedAtPath] = stamp;
        var etag = NewETag();
        return new SqliteInsert(new StoredDocument(document.Key, body, etag, now, now), body.ToJsonString(JsonOptions), stamp, SqliteLookupColumns.ValuesOf(body));
    }

    /// <returns>False if the key is taken.</returns>
    private async Task<bool> InsertAsync(SqliteSession session, SqliteInsert insert, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = insert.Stored.Key;
        cache.Writing(key);
        var command = session.Command(InsertSql);
        AddKey(command, key);
        SqliteLookupColumns.Bind(command, insert.Lookups);
        command.Parameters.AddWithValue("@body", insert.Text);
        command.Parameters.AddWithValue("@etag", insert.Stored.ETag);
        command.Parameters.AddWithValue("@now", insert.Stamp);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        kindCounts.Add(key, 1);
        await AppendChangeAsync(session, key, ChangeKind.Created, insert.Text, insert.Stored.ETag, insert.Stamp, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static SqliteReturnedRow ReadRow(SqliteDataReader reader, int first) =>
        new(reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3));

    private static async Task<SqliteReturnedRow?> ReadReturnedAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? ReadRow(reader, 0)
            : null;
    }

    private SqlitePreparedPatch PreparePatch(DocumentKey key, IReadOnlyList<PatchOperation> operations, IReadOnlyList<Condition>? conditions)
    {
        StoreArguments.Patch(key, operations);
        var parameters = new SqlParameters();
        var patched = SqlitePatch.BodyExpression(operations, parameters);
        var guard = SqliteConditions.Where(conditions, parameters, bindPaths: true);

        // The guard and the write are one statement: no other writer can slip in between the check and the update.
        var sql = $"""
            UPDATE documents
            SET body = json_set({patched}, '$.{DocumentTimestamps.CreatedAtPath}', created_at, '$.{DocumentTimestamps.UpdatedAtPath}', @now),
                etag = @etag,
                updated_at = @now
            WHERE {KeyMatch} AND ({guard})
            RETURNING body, etag, created_at, updated_at
            """;
        return new SqlitePreparedPatch(key, sql, parameters, NewETag(), DocumentTimestamps.Format(Now()), SqliteLookupColumns.Touches(operations));
    }

    /// <returns>The row as patched, or why there is none.</returns>
    private async Task<(SqliteReturnedRow? Row, PatchOutcome? Failed)> RunPatchAsync(SqliteSession session, SqlitePreparedPatch patch, CancellationToken cancellationToken)
    {
        cache.Writing(patch.Key);
        var command = session.Command(patch.Sql);
        AddKey(command, patch.Key);
        patch.Parameters.CopyTo(command);
        command.Parameters.AddWithValue("@etag", patch.ETag);
        command.Parameters.AddWithValue("@now", patch.Stamp);

        var row = await ReadReturnedAsync(command, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return (null, await ExistsAsync(session, patch.Key, cancellationToken).ConfigureAwait(false) ? PatchOutcome.ConditionFailed : PatchOutcome.NotFound);
        }

        if (patch.TouchesLookups)
        {
            var refresh = session.Command($"UPDATE documents SET {SqliteLookupColumns.RefreshFromBody} WHERE {KeyMatch}");
            AddKey(refresh, patch.Key);
            await refresh.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AppendChangeAsync(session, patch.Key, ChangeKind.Patched, row.Body, patch.ETag, patch.Stamp, cancellationToken).ConfigureAwait(false);
        return (row, null);
    }

    private async Task<StoredDocument> PatchOrAbortAsync(SqliteSession session, SqlitePreparedPatch patch, int index, CancellationToken cancellationToken)
    {
        var (row, failed) = await RunPatchAsync(session, patch, cancellationToken).ConfigureAwait(false);
        return failed switch
        {
            PatchOutcome.NotFound => throw new SqliteAtomicAbort(index, AtomicWriteOutcome.NotFound),
            PatchOutcome.ConditionFailed => throw new SqliteAtomicAbort(index, AtomicWriteOutcome.ConditionFailed),
            _ => row!.ToDocument(patch.Key),
        };
    }

    private async Task<StoredDocument> CreateOrAbortAsync(SqliteSession session, AtomicCreate create, IReadOnlyList<StoredDocument?> done, int index, CancellationToken cancellationToken)
    {
        var insert = PrepareInsert(new NewDocument(create.Key, create.Body(done)));
        return await InsertAsync(session, insert, cancellationToken).ConfigureAwait(false)
            ? insert.Stored
            : throw new SqliteAtomicAbort(index, AtomicWriteOutcome.Conflict);
    }

    private static async Task<bool> ExistsAsync(SqliteSession session, DocumentKey key, CancellationToken cancellationToken)
    {
        var command = session.Command($"SELECT EXISTS (SELECT 1 FROM documents WHERE {KeyMatch})");
        AddKey(command, key);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    private async Task AppendChangeAsync(
        SqliteSession session, DocumentKey key, ChangeKind change, string? body, string? etag, string at, CancellationToken cancellationToken)
    {
        if (options.UnloggedKinds.Contains(key.Kind))
        {
            return;
        }

        var command = session.Command("""
            INSERT INTO changes (project_id, kind, partition_key, id, change, body, etag, at)
            VALUES (@project, @kind, @partition, @id, @change, @body, @etag, @at)
            """);
        AddKey(command, key);
        command.Parameters.AddWithValue("@change", FormatChangeKind(change));
        command.Parameters.AddWithValue("@body", (object?)body ?? DBNull.Value);
        command.Parameters.AddWithValue("@etag", (object?)etag ?? DBNull.Value);
        command.Parameters.AddWithValue("@at", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string FormatChangeKind(ChangeKind change) => change switch
    {
        ChangeKind.Created => "created",
        ChangeKind.Replaced => "replaced",
        ChangeKind.Patched => "patched",
        ChangeKind.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static ChangeKind ParseChangeKind(string change) => change switch
    {
        "created" => ChangeKind.Created,
        "replaced" => ChangeKind.Replaced,
        "patched" => ChangeKind.Patched,
        "deleted" => ChangeKind.Deleted,
        _ => throw new InvalidDataException($"Unknown change kind '{change}' in the change log."),
    };

    /// <summary>
    /// 128 random bits, as a GUID's text was, from <see cref="Random.Shared"/> instead of the OS's generator (through
    /// OpenSSL, a few µs, and inside the one writer's turn for a created record): an etag only tells versions apart and
    /// grants nothing, so it needs to be unique, not unpredictable.
    /// </summary>
    private static string NewETag()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }

    private DateTimeOffset Now() => DocumentTimestamps.Truncate(clock.GetUtcNow());

    private async Task<T> ReadAsync<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureInitialized();
        var session = readPool.Rent();
        try
        {
            return await work(session).ConfigureAwait(false);
        }
        finally
        {
            readPool.Return(session);
        }
    }

    /// <summary>Batches committed on an <see cref="IdleThreads"/> thread: none ever should be (tests watch it).</summary>
    internal int BatchesOnIdleThreads => Volatile.Read(ref batchesOnIdleThreads);

    /// <summary>Writes queued and not yet taken into a batch (tests watch it fill behind a blocked writer).</summary>
    internal int QueuedWrites => callerWrites.Count + backgroundWrites.Count;

    private async Task<T> WriteAsync<T>(Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        cancellationToken.ThrowIfCancellationRequested();
        var queued = Enqueue(work, 1, cancellationToken);
        await CommitUntilAsync([queued]).ConfigureAwait(false);
        return (T)(await queued.Completion.ConfigureAwait(false))!;
    }

    /// <param name="weight">The documents the work writes, which is what a batch's share of background work counts.</param>
    private SqliteQueuedWrite Enqueue<T>(Func<SqliteSession, Task<T>> work, int weight, CancellationToken cancellationToken)
    {
        var queued = new SqliteQueuedWrite(async session => await work(session).ConfigureAwait(false), weight, cancellationToken);
        (WriteUrgency.CallerWaits ? callerWrites : backgroundWrites).Enqueue(queued);
        return queued;
    }

    /// <summary>
    /// Whoever holds the gate commits what is queued; a caller whose write went into someone else's batch just finds
    /// it done. Once queued, a write is not abandoned on cancellation: it is either skipped before it runs (the work
    /// checks the token) or committed and answered.
    /// </summary>
    private async Task CommitUntilAsync(IReadOnlyList<SqliteQueuedWrite> writes)
    {
        // A thread that gives way to every other would hold the writer, and every caller's write in its batch, while it
        // waits for a core: the change feed's writes are committed from the pool instead.
        if (IdleThreads.IsCurrentThread)
        {
            await Task.Run(() => CommitUntilAsync(writes)).ConfigureAwait(false);
            return;
        }

        while (!AllDone(writes))
        {
            await writeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (!AllDone(writes))
                {
                    await CommitBatchAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                writeGate.Release();
            }
        }
    }

    /// <summary>
    /// Asked of each write, not of a task joining them: a join completes only once a pool thread has run its
    /// continuation, and until then the gate loop would commit empty batches. A plain loop, as every write asks it.
    /// </summary>
    private static bool AllDone(IReadOnlyList<SqliteQueuedWrite> writes)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            if (!writes[i].Completion.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    private async Task CommitBatchAsync()
    {
        if (IdleThreads.IsCurrentThread)
        {
            Interlocked.Increment(ref batchesOnIdleThreads);
        }

        var batch = new List<SqliteQueuedWrite>();
        while (batch.Count < MaxBatch && callerWrites.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        if (batch.Count > 0)
        {
            lastCallerBatch = Stopwatch.GetTimestamp();
        }

        var backgroundLimit = batch.Count > 0 ? BackgroundShare
            : Stopwatch.GetElapsedTime(lastCallerBatch) < CallersLately ? BackgroundWhileCallers
            : BackgroundAlone;
        var backgroundWeight = 0;

        // The first background write is always taken, even into a full batch, so callers cannot starve background work.
        while ((backgroundWeight == 0 || (backgroundWeight < backgroundLimit && batch.Count < MaxBatch)) && backgroundWrites.TryDequeue(out var next))
        {
            batch.Add(next);
            backgroundWeight += next.Weight;
        }

        Exception? failure = null;
        var restartFrames = 0L;
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var session = writeSession!;
            if (!await RunBatchAsync(session, batch, savepoints: false).ConfigureAwait(false))
            {
                await RunBatchAsync(session, batch, savepoints: true).ConfigureAwait(false);
            }

            if (Volatile.Read(ref walFrames) >= options.WalRestartFrames && checkpointing.IsCompleted)
            {
                restartFrames = Interlocked.Exchange(ref walFrames, 0);
            }
            else if (++commitsSinceCheckpoint >= CommitsPerCheckpoint && checkpointing.IsCompleted)
            {
                commitsSinceCheckpoint = 0;
                checkpointing = Task.Run(Checkpoint);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // Committed or rolled back: from here readers of what the batch wrote may keep what they read again.
        cache.Written();
        foreach (var write in batch)
        {
            write.Finish(failure);
        }

        // After the writes are answered, and outside the try above: they are committed whatever the checkpoint does.
        if (restartFrames > 0)
        {
            RestartWal(writeSession!, restartFrames);
        }
    }

    /// <summary>
    /// Runs the batch's writes in one transaction and commits it. Without savepoints a write that fails having changed
    /// nothing (a refused guard, a taken key: nearly every failure) costs nothing, but one that fails after changing
    /// something cannot be undone alone: the whole transaction is rolled back and false returned, for the batch to run
    /// again with a savepoint per write. Savepoints on every write cost ~12% of the store's CPU under redemptions:
    /// SQLite copies each page a write changes, that the batch had changed before, into the savepoint's journal.
    /// </summary>
    /// <returns>False if the batch was rolled back to run again with savepoints.</returns>
    private async Task<bool> RunBatchAsync(SqliteSession session, List<SqliteQueuedWrite> batch, bool savepoints)
    {
        session.Execute("BEGIN IMMEDIATE");
        try
        {
            foreach (var write in batch)
            {
                if (savepoints)
                {
                    session.Execute("SAVEPOINT write");
                }

                var changesBefore = SQLitePCL.raw.sqlite3_total_changes(session.Connection.Handle);
                await write.RunAsync(session).ConfigureAwait(false);
                if (write.Error is null)
                {
                    kindCounts.Keep();
                }
                else if (savepoints)
                {
                    session.Execute("ROLLBACK TO write");
                    kindCounts.Discard();
                }
                else if (SQLitePCL.raw.sqlite3_total_changes(session.Connection.Handle) == changesBefore)
                {
                    kindCounts.Discard();
                }
                else
                {
                    kindCounts.Clear();
                    Rollback(session);
                    return false;
                }

                if (savepoints)
                {
                    session.Execute("RELEASE write");
                }
            }

            kindCounts.Flush(session);
            session.Execute("COMMIT");
            return true;
        }
        catch
        {
            kindCounts.Clear();
            Rollback(session);
            throw;
        }
    }

    private void Checkpoint()
    {
        try
        {
            var session = readPool.Rent();
            try
            {
                Volatile.Write(ref walFrames, CheckpointOn(session));
            }
            finally
            {
                readPool.Return(session);
            }
        }
        catch (Exception error) when (error is SqliteException or ObjectDisposedException)
        {
            // A checkpoint that cannot run now (busy, or the store is closing) is left to the next one or to the last close.
        }
    }

    /// <returns>How many frames the WAL holds.</returns>
    private static long CheckpointOn(SqliteSession session)
    {
        using var result = session.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteReader();
        return result.Read() ? result.GetInt64(1) : 0;
    }

    /// <summary>
    /// Copies the rest of the WAL back and waits for the readers still in it, so the next write starts the WAL over.
    /// Readers are point reads and short pages, and a reader that starts meanwhile reads the database file only; a
    /// reader that takes longer than the short wait leaves the WAL as it is until the next try.
    /// </summary>
    private void RestartWal(SqliteSession session, long frames)
    {
        try
        {
            var overdue = frames >= OverdueRestartFactor * options.WalRestartFrames;
            SqliteConnectionSettings.SetBusyTimeout(session.Connection, overdue ? OverdueRestartWait : RestartWait);
            try
            {
                session.Execute("PRAGMA wal_checkpoint(RESTART)");
            }
            finally
            {
                SqliteConnectionSettings.SetBusyTimeout(session.Connection, options.BusyTimeout);
            }
        }
        catch (SqliteException)
        {
            // Readers that stayed too long answer busy in the result, not as an error; what is left (an I/O error) the
            // next commit meets, and the next long WAL tries again.
        }
    }

    private static void Rollback(SqliteSession session)
    {
        try
        {
            session.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back (e.g. on a full disk); the original error is the one to report.
        }
    }

    private void EnsureInitialized()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (Volatile.Read(ref writeSession) is not null)
        {
            return;
        }

        lock (initLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (writeSession is not null)
            {
                return;
            }

            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var session = OpenSession(WriteCacheKiB);
            try
            {
                SqliteSchema.Ensure(session.Connection);
                session.Execute("PRAGMA wal_autocheckpoint = 0");

                // When the WAL starts over, a file a burst made long is cut back to twice the restart length.
                session.Execute($"PRAGMA journal_size_limit = {(options.WalRestartFrames * 2 * 4096).ToString(CultureInfo.InvariantCulture)}");
            }
            catch
            {
                session.Dispose();
                throw;
            }

            Volatile.Write(ref writeSession, session);
        }
    }

    // A reader's page cache is emptied whenever it starts reading after another commit, and emptying costs in proportion
    // to what it holds; its pages come from the mapped file anyway. The writer's cache is never invalidated that way.
    private const int ReadCacheKiB = 2048;
    private const int WriteCacheKiB = 16384;

    private SqliteSession OpenSession(int cacheKiB)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteConnectionSettings.Apply(connection, options.BusyTimeout, cacheKiB);
            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
