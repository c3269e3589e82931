using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>What the SQLite store adds to the contract: a file that persists, WAL, and its registration.</summary>
public sealed class SqliteDocumentStoreTests : IDisposable
{
    private static readonly DocumentKey Voucher = new("proj_1", "voucher", "camp_1", "v1");

    private readonly TemporaryFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Documents_and_the_change_feed_survive_reopening_the_store_on_the_same_file()
    {
        var path = folder.File("store.db");
        string checkpoint;
        using (var first = new SqliteDocumentStore(new SqliteStoreOptions(path), clock))
        {
            await first.CreateAsync(new NewDocument(Voucher, new JsonObject { ["code"] = "A", ["n"] = 1 }));
            await first.PatchAsync(Voucher, [PatchOperation.Increment("n", 1)]);
            checkpoint = (await first.ReadChangesAsync(null, 100)).Checkpoint;
        }

        using var reopened = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        var read = await reopened.GetAsync(Voucher);
        await reopened.PatchAsync(Voucher, [PatchOperation.Increment("n", 1)]);
        var later = await reopened.ReadChangesAsync(checkpoint, 100);

        Assert.Equal("A", read!.Body["code"]!.GetValue<string>());
        Assert.Equal(2, read.Body["n"]!.GetValue<int>());
        Assert.Equal(3, (await reopened.ReadChangesAsync(null, 100)).Changes.Count);
        var change = Assert.Single(later.Changes);
        Assert.Equal(3, change.Body!["n"]!.GetValue<int>());
    }

    // Point reads, and reads longer than the writer's short wait for them: those make every restart give up until the
    // WAL is overdue, and only then does the writer wait for them.
    [Theory]
    [InlineData(2)]
    [InlineData(25)]
    public async Task Under_steady_writes_and_overlapping_reads_the_wal_starts_over_instead_of_growing_without_bound(int readMilliseconds)
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path) { WalRestartFrames = 64 }, clock);
        var filler = new string('x', 1000);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["n"] = 0 }));

        // Readers whose snapshots overlap, as a busy host's do: at any moment one of them is inside the WAL, so SQLite
        // never finds a moment to start the WAL over by itself, however often a checkpoint copies it back. Each has a
        // thread of its own and sleeps inside its snapshot: an awaited delay there waited for a pool thread behind the
        // writers, and snapshots meant to last 25 ms lasted 200-1,400 ms (logged), longer than even the overdue restart
        // waits for, so the test measured pool starvation and failed on a slower CI machine.
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(
            () =>
            {
                using var connection = new SqliteConnection($"Data Source={path}");
                connection.Open();
                using var begin = connection.CreateCommand();
                begin.CommandText = "BEGIN; SELECT COUNT(*) FROM documents;";
                using var end = connection.CreateCommand();
                end.CommandText = "COMMIT";
                while (!stop.IsCancellationRequested)
                {
                    begin.ExecuteScalar();
                    Thread.Sleep(readMilliseconds);
                    end.ExecuteNonQuery();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();

        var next = 0;
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int id;
            while ((id = Interlocked.Increment(ref next)) <= 1500)
            {
                await store.CreateAsync(new NewDocument(new DocumentKey("proj_1", "order", $"o{id}", $"o{id}"), new JsonObject { ["pad"] = filler }));

                // A write answers synchronously here; without a yield these loops would hold every pool thread.
                await Task.Yield();
            }
        })).ToList();
        await Task.WhenAll(writers);
        var walBytes = new FileInfo(path + "-wal").Length;
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // Without the writer's own restart the WAL kept every frame written: 47 MB (25 ms reads) and 30 MB (2 ms reads, where
        // SQLite sometimes finds a gap itself). With it, 0.5-0.9 MB. 12 MB, well under either unbounded length, leaves room
        // for a loaded machine and still tells a WAL that starts over from one that does not.
        Assert.True(walBytes < 12 * 1024 * 1024, $"the WAL is {walBytes:N0} bytes long");
        Assert.Equal(1500, await store.CountAsync(new DocumentQuery("proj_1", "order")));
    }

    [Fact]
    public async Task The_change_feed_delivers_every_project_kind_and_partition_in_one_commit_order()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        DocumentKey[] keys =
        [
            new("proj_1", "voucher", "camp_1", "a"),
            new("proj_2", "customer", "cust_9", "b"),
            new("proj_1", "campaign", "camp_1", "c"),
        ];
        var writes = new List<(DocumentKey Key, ChangeKind Change)>();
        foreach (var key in keys)
        {
            await store.CreateAsync(new NewDocument(key, new JsonObject { ["n"] = 0 }));
            writes.Add((key, ChangeKind.Created));
        }

        foreach (var key in keys.Reverse())
        {
            await store.PatchAsync(key, [PatchOperation.Increment("n", 1)]);
            writes.Add((key, ChangeKind.Patched));
        }

        await store.DeleteAsync(keys[1]);
        writes.Add((keys[1], ChangeKind.Deleted));

        var feed = await store.ReadChangesAsync(null, 100);

        Assert.Equal(writes, feed.Changes.Select(change => (change.Key, change.Change)));
        Assert.Equal(Enumerable.Range(1, writes.Count).Select(i => (long)i), feed.Changes.Select(change => change.Sequence));
        Assert.Equal(writes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), feed.Checkpoint);
    }

    [Fact]
    public async Task A_read_of_the_change_log_for_some_kinds_returns_only_theirs_and_resumes_after_every_change_it_passed_over()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        var kinds = new[] { "order", "voucher", "redemption", "voucher", "order", "voucher", "voucher" };
        for (var i = 0; i < kinds.Length; i++)
        {
            await store.CreateAsync(new NewDocument(new DocumentKey("proj_1", kinds[i], $"p{i}", $"d{i}"), new JsonObject { ["n"] = i }));
        }

        static bool Orders(DocumentKey key) => key.Kind == "order";

        // At most four changes are read, of which one is an order; the checkpoint is after the fourth.
        var first = await store.ReadChangesAsync(null, 4, Orders);
        var order = Assert.Single(first.Changes);
        Assert.Equal(("d0", 1L, 0), (order.Key.Id, order.Sequence, order.Body!["n"]!.GetValue<int>()));
        Assert.Equal((4, "4"), (first.Scanned, first.Checkpoint));

        var second = await store.ReadChangesAsync(first.Checkpoint, 4, Orders);
        Assert.Equal(["d4"], second.Changes.Select(change => change.Key.Id));
        Assert.Equal((3, "7"), (second.Scanned, second.Checkpoint));

        // Caught up: nothing read, and the checkpoint stays where it was.
        var third = await store.ReadChangesAsync(second.Checkpoint, 4, Orders);
        Assert.Equal((0, 0, "7"), (third.Changes.Count, third.Scanned, third.Checkpoint));

        // Nothing wanted at all still moves the checkpoint past what was read.
        var none = await store.ReadChangesAsync(null, 5, _ => false);
        Assert.Equal((0, 5, "5"), (none.Changes.Count, none.Scanned, none.Checkpoint));
    }

    [Fact]
    public async Task The_store_creates_its_folders_and_file_on_first_use_and_not_before()
    {
        var path = Path.Combine(folder.Path, "nested", "deeper", "store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        Assert.Null(await store.GetAsync(Voucher));

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task The_file_uses_write_ahead_logging()
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject()));

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task The_log_is_checkpointed_into_the_file_in_the_background_while_the_store_is_open()
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["n"] = 0 }));
        var before = new FileInfo(path).Length;

        // Far below the 1,000 pages at which SQLite would checkpoint on its own, so only the store's checkpoints move them.
        for (var i = 0; i < 64; i++)
        {
            await store.CreateAsync(new NewDocument(Voucher with { Id = $"v{i + 2}" }, new JsonObject { ["padding"] = new string('x', 3000) }));
        }

        // Checkpoints start every 16 commits, each copying what was committed when it started; the last few commits
        // may wait in the log for the next one (or the close), so at least half must reach the file while open.
        var expected = before + (32 * 3000);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(path).Length < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(new FileInfo(path).Length >= expected, "the written documents reached the main file before the store closed");
    }

    [Fact]
    public async Task A_write_failing_after_its_changes_undoes_only_them_and_the_writes_batched_with_it_apply_once()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["n"] = 0 }));

        // Batches run without savepoints first; a write that fails after changing something sends its whole batch back
        // to run again with them. Every increment must land exactly once, and nothing of a failed write may remain.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            if (i % 3 == 0)
            {
                var refused = await store.WriteAtomicallyAsync(
                [
                    new AtomicPatch(Voucher, [PatchOperation.Increment("n", 1000)]),
                    new AtomicCreate(Voucher with { Id = $"failed{i}" }, _ => new JsonObject()),
                    new AtomicPatch(Voucher with { Id = "missing" }, [PatchOperation.Increment("n", 1)]),
                ]);
                return refused.Outcome;
            }

            var applied = await store.PatchAsync(Voucher, [PatchOperation.Increment("n", 1)]);
            return applied.Outcome == PatchOutcome.Applied ? AtomicWriteOutcome.Committed : AtomicWriteOutcome.ConditionFailed;
        })));

        var increments = Enumerable.Range(0, 400).Count(i => i % 3 != 0);
        Assert.Equal(400 - increments, outcomes.Count(outcome => outcome == AtomicWriteOutcome.NotFound));
        Assert.Equal(increments, outcomes.Count(outcome => outcome == AtomicWriteOutcome.Committed));
        Assert.Equal(increments, (await store.GetAsync(Voucher))!.Body["n"]!.GetValue<int>());
        Assert.Equal(1, await store.CountAsync(new DocumentQuery("proj_1", "voucher")));

        var changes = await store.ReadChangesAsync(null, 10_000);
        Assert.Equal(increments + 1, changes.Changes.Count);
        Assert.All(changes.Changes, change => Assert.Equal(Voucher, change.Key));
    }

    [Fact]
    public async Task Kind_counts_stay_exact_when_group_commits_mix_inserts_deletes_duplicates_and_rolled_back_writes()
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        var kind = new DocumentQuery("proj_1", "voucher");
        DocumentKey Key(int i) => Voucher with { Id = $"k{i % 150}" };

        // Concurrent writers share group commits: each batch holds creates, creates of taken keys, deletes, and atomic
        // writes that create and are then refused, so their savepoints roll the create (and its count) back.
        await Task.WhenAll(Enumerable.Range(0, 600).Select(i => Task.Run(async () =>
        {
            switch (i % 4)
            {
                case 0 or 1:
                    try
                    {
                        await store.CreateAsync(new NewDocument(Key(i), new JsonObject()));
                    }
                    catch (DocumentConflictException)
                    {
                    }

                    break;
                case 2:
                    await store.DeleteAsync(Key(i + 1));
                    break;
                default:
                    var refused = await store.WriteAtomicallyAsync([new AtomicCreate(Voucher with { Id = $"gone{i}" }, _ => new JsonObject()), new AtomicPatch(Voucher with { Id = "missing" }, [PatchOperation.Increment("n", 1)])]);
                    Assert.Equal(AtomicWriteOutcome.NotFound, refused.Outcome);
                    break;
            }
        })));

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM documents WHERE project_id = 'proj_1' AND kind = 'voucher'";
        var stored = (long)rows.ExecuteScalar()!;
        Assert.InRange(stored, 1, 150);
        Assert.Equal(stored, await store.CountAsync(kind));
    }

    [Fact]
    public async Task A_whole_kind_is_counted_from_the_writes_and_a_file_from_before_the_counts_is_counted_on_opening()
    {
        var path = folder.File("store.db");
        var kind = new DocumentQuery("proj_1", "voucher");
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock))
        {
            for (var i = 0; i < 5; i++)
            {
                await store.CreateAsync(new NewDocument(Voucher with { Id = $"c{i}" }, new JsonObject { ["n"] = i }));
            }

            await Assert.ThrowsAsync<DocumentConflictException>(() => store.CreateAsync(new NewDocument(Voucher with { Id = "c0" }, new JsonObject())));
            await store.CreateManyAsync([new NewDocument(Voucher with { Id = "c1" }, new JsonObject()), new NewDocument(Voucher with { Id = "c5" }, new JsonObject())]);
            await store.DeleteAsync(Voucher with { Id = "c2" });
            await store.WriteAtomicallyAsync([new AtomicCreate(Voucher with { Id = "c6" }, _ => new JsonObject()), new AtomicPatch(Voucher with { Id = "none" }, [PatchOperation.Increment("n", 1)])]);
            await store.CreateAsync(new NewDocument(new DocumentKey("proj_2", "voucher", "camp_1", "other"), new JsonObject()));

            Assert.Equal(5, await store.CountAsync(kind));
            Assert.Equal(5, await store.CountAsync(kind with { Where = [Condition.IsNotNull("created_at")] }));
            Assert.Equal(0, await store.CountAsync(new DocumentQuery("proj_1", "campaign")));
        }

        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE kind_counts;" + SqliteSchemaHistory.DropLookupColumns + "PRAGMA user_version = 3;";
            downgrade.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        Assert.Equal(5, await reopened.CountAsync(kind));
        await reopened.CreateAsync(new NewDocument(Voucher with { Id = "c7" }, new JsonObject()));
        Assert.Equal(6, await reopened.CountAsync(kind));
    }

    [Fact]
    public async Task Patches_naming_a_path_per_record_run_as_one_statement_shape_and_still_apply_exactly()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["pending"] = new JsonObject(), ["count"] = 0 }));

        // More distinct per-record paths than the session keeps statements for: each is bound, not spliced into SQL.
        for (var i = 0; i < 300; i++)
        {
            var path = $"pending.r_{i}";
            var applied = await store.PatchAsync(Voucher, [PatchOperation.Set(path, i), PatchOperation.Increment("count", 1)], [Condition.IsNull(path)]);
            Assert.Equal(PatchOutcome.Applied, applied.Outcome);
            var again = await store.PatchAsync(Voucher, [PatchOperation.Set(path, -1)], [Condition.IsNull(path)]);
            Assert.Equal(PatchOutcome.ConditionFailed, again.Outcome);
            if (i % 2 == 0)
            {
                await store.PatchAsync(Voucher, [PatchOperation.Remove(path)], [Condition.IsNotNull(path)]);
            }
        }

        var body = (await store.GetAsync(Voucher))!.Body;
        Assert.Equal(300, body["count"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, 300).Where(i => i % 2 == 1).Select(i => $"r_{i}"), body["pending"]!.AsObject().Select(p => p.Key));
        Assert.Equal(299, body["pending"]!["r_299"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_still_enforce_a_guarded_limit()
    {
        // Two instances stand for two processes: only SQLite's file lock orders their writers. Neither may cache reads,
        // since neither sees the other's writes.
        var options = new SqliteStoreOptions(folder.File("store.db")) { ReadCacheSize = 0 };
        using var first = new SqliteDocumentStore(options, clock);
        using var second = new SqliteDocumentStore(options, clock);
        await first.CreateAsync(new NewDocument(Voucher, JsonNode.Parse("""{"quantity":30,"redeemed":0}""")!.AsObject()));
        var guard = Condition.LessThanPath("redeemed", "quantity");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            (await (i % 2 == 0 ? first : second).PatchAsync(Voucher, [PatchOperation.Increment("redeemed", 1)], [guard])).Outcome)));

        Assert.Equal(30, outcomes.Count(outcome => outcome == PatchOutcome.Applied));
        Assert.Equal(30, (await second.GetAsync(Voucher))!.Body["redeemed"]!.GetValue<int>());
        Assert.Equal(31, (await first.ReadChangesAsync(null, 1000)).Changes.Count);
    }

    [Fact]
    public async Task An_in_list_longer_than_sqlites_parameter_limit_still_matches()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["code"] = "WANTED" }));
        var codes = new JsonArray(Enumerable.Range(0, 40_000).Select(i => (JsonNode?)("CODE_" + i)).Append("WANTED").ToArray());

        var count = await store.CountAsync(new DocumentQuery(Voucher.ProjectId, Voucher.Kind) { Where = [Condition.In("code", codes)] });

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_disposed_store_refuses_further_calls()
    {
        var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject()));
        store.Dispose();

        // The store says so, not the read cache it disposed with it.
        var read = await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync(Voucher).AsTask());
        var page = await Assert.ThrowsAsync<ObjectDisposedException>(() => store.QueryAsync(new DocumentQuery(Voucher.ProjectId, Voucher.Kind) { PartitionKey = Voucher.PartitionKey }).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.PatchAsync(Voucher, [PatchOperation.Set("a", 1)]));
        Assert.Equal(typeof(SqliteDocumentStore).FullName, read.ObjectName);
        Assert.Equal(typeof(SqliteDocumentStore).FullName, page.ObjectName);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_version_is_refused()
    {
        var path = folder.File("store.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync(Voucher).AsTask());
    }

    [Fact]
    public async Task AddSqliteDocumentStore_registers_one_shared_store_that_uses_the_registered_clock_and_idle_threads_for_its_feed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSqliteDocumentStore(folder.File("store.db"));
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IDocumentStore>();
        var created = await store.CreateAsync(new NewDocument(Voucher, new JsonObject()));

        Assert.IsType<SqliteDocumentStore>(store);
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        Assert.Same(store, provider.GetRequiredService<SqliteDocumentStore>());
        Assert.Equal(clock.GetUtcNow(), created.CreatedAt);

        // The change feed's loops over its log give way to requests (IdleThreads); its checkpoints stay on the pool.
        Assert.Same(IdleThreads.Shared, provider.GetRequiredService<ChangeFeedThreads>().Scheduler);
    }

    [Fact]
    public async Task A_waiting_callers_write_is_committed_ahead_of_a_queued_background_create()
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path) { BusyTimeout = TimeSpan.FromSeconds(60) }, clock);
        await store.CreateAsync(new NewDocument(Voucher with { Id = "first" }, new JsonObject()));
        var codes = Enumerable.Range(0, 5_000)
            .Select(i => new NewDocument(new DocumentKey("proj_1", "voucher", "camp_2", $"gen{i:D4}"), new JsonObject()))
            .ToList();

        // Another connection holds the file's write lock, so the writer waits inside its first batch of the code
        // generation (a flow without the mark) while the rest of it, and then a caller's write, queue behind.
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        var generating = Task.Run(() => store.CreateManyAsync(codes));
        var queuedBehind = await QueueSettlesAsync(store);
        var caller = Task.Run(async () =>
        {
            WriteUrgency.MarkCallerWaiting();
            await store.CreateAsync(new NewDocument(Voucher, new JsonObject()));
        });
        while (store.QueuedWrites == queuedBehind)
        {
            await Task.Delay(5);
        }

        using var rollback = other.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        rollback.ExecuteNonQuery();
        await caller;
        Assert.All(await generating, Assert.True);

        var order = (await store.ReadChangesAsync(null, codes.Count + 2)).Changes.Select(change => change.Key.Id).ToList();
        Assert.Equal(codes.Count + 2, order.Count);
        Assert.True(queuedBehind > 0, "the generation was not waiting in the queue");

        // In arrival order it would follow every queued chunk of the generation; it went into the next batch instead.
        Assert.InRange(order.IndexOf(Voucher.Id), 2, codes.Count / 2);
    }

    /// <summary>The queue's length once it has stopped changing: the writer is blocked and every chunk is in.</summary>
    private static async Task<int> QueueSettlesAsync(SqliteDocumentStore store)
    {
        var last = -1;
        while (store.QueuedWrites is var now && (now == 0 || now != last))
        {
            last = now;
            await Task.Delay(50);
        }

        return last;
    }

    [Fact]
    public async Task A_create_of_many_chunks_answers_every_slot_in_order_and_a_key_twice_in_it_once()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), clock);
        var key = (int i) => new DocumentKey("proj_1", "voucher", "camp_2", $"c{i:D3}");
        await store.CreateAsync(new NewDocument(key(70), new JsonObject { ["taken"] = true }));
        var documents = Enumerable.Range(0, 100).Select(i => new NewDocument(key(i), new JsonObject { ["i"] = i })).ToList();
        documents[90] = new NewDocument(key(5), new JsonObject { ["i"] = 905 });

        var created = await store.CreateManyAsync(documents);

        Assert.Equal(100, created.Count);
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i is not (70 or 90)), Enumerable.Range(0, 100).Where(i => created[i]));
        Assert.Equal(5, (await store.GetAsync(key(5)))!.Body["i"]!.GetValue<int>());
        Assert.True((await store.GetAsync(key(70)))!.Body["taken"]!.GetValue<bool>());
        Assert.Null(await store.GetAsync(key(90)));
    }
}
