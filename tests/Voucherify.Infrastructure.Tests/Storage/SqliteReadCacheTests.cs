using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>The SQLite store's read cache: it serves repeated reads, and never anything a write has changed.</summary>
public sealed class SqliteReadCacheTests : IDisposable
{
    private static readonly DocumentKey Voucher = new("proj_1", "voucher", "camp_1", "v1");

    private readonly TemporaryFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Repeated_reads_are_served_from_memory_and_a_zero_size_turns_that_off()
    {
        // A write behind the store's back (another process, which the cache does not support) shows what is cached.
        foreach (var (size, expected) in new[] { (SqliteStoreOptions.DefaultReadCacheSize, "before"), (0L, "behind") })
        {
            var path = folder.File($"store-{size}.db");
            using var store = new SqliteDocumentStore(new SqliteStoreOptions(path) { ReadCacheSize = size }, clock);
            await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "before" }));
            await store.CreateAsync(new NewDocument(Voucher with { Kind = "assignment", Id = "a1" }, new JsonObject { ["state"] = "before" }));
            await store.GetAsync(Voucher);
            await store.QueryAsync(Partition("assignment"));

            using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE documents SET body = json_set(body, '$.state', 'behind')";
                command.ExecuteNonQuery();
            }

            Assert.Equal(expected, State(await store.GetAsync(Voucher)));
            Assert.Equal(expected, State(Assert.Single((await store.QueryAsync(Partition("assignment"))).Items)));
        }
    }

    [Fact]
    public async Task Every_kind_of_write_is_seen_by_the_next_read_of_the_document_and_of_its_partition()
    {
        using var store = Open();
        var other = Voucher with { Id = "v2" };
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "created" }));
        Assert.Equal("created", State(await store.GetAsync(Voucher)));
        Assert.Single((await store.QueryAsync(Partition("voucher"))).Items);

        await store.CreateAsync(new NewDocument(other, new JsonObject { ["state"] = "other" }));
        Assert.Equal(2, (await store.QueryAsync(Partition("voucher"))).Items.Count);

        await store.PatchAsync(Voucher, [PatchOperation.Set("state", JsonValue.Create("patched"))]);
        Assert.Equal("patched", State(await store.GetAsync(Voucher)));
        Assert.Contains((await store.QueryAsync(Partition("voucher"))).Items, d => State(d) == "patched");

        await store.ReplaceAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "replaced" }), null);
        Assert.Equal("replaced", State(await store.GetAsync(Voucher)));
        Assert.Contains((await store.QueryAsync(Partition("voucher"))).Items, d => State(d) == "replaced");

        await store.WriteAtomicallyAsync([new AtomicPatch(Voucher, [PatchOperation.Set("state", JsonValue.Create("atomic"))], null)]);
        Assert.Equal("atomic", State(await store.GetAsync(Voucher)));

        await store.DeleteAsync(Voucher);
        Assert.Null(await store.GetAsync(Voucher));
        Assert.Equal("other", State(Assert.Single((await store.QueryAsync(Partition("voucher"))).Items)));
    }

    [Fact]
    public async Task A_write_that_fails_its_guard_or_rolls_back_leaves_the_cached_version_right()
    {
        using var store = Open();
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["n"] = 1 }));
        await store.GetAsync(Voucher);

        var refused = await store.PatchAsync(Voucher, [PatchOperation.Increment("n", 1)], [Condition.Greater("n", 5)]);
        var rolledBack = await store.WriteAtomicallyAsync(
            [new AtomicPatch(Voucher, [PatchOperation.Increment("n", 1)], null), new AtomicPatch(Voucher with { Id = "missing" }, [PatchOperation.Increment("n", 1)], null)]);

        Assert.Equal(PatchOutcome.ConditionFailed, refused.Outcome);
        Assert.Equal(AtomicWriteOutcome.NotFound, rolledBack.Outcome);
        Assert.Equal(1, (await store.GetAsync(Voucher))!.Body["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Under_concurrent_writes_no_read_goes_back_in_time_and_a_writer_always_reads_its_own_write()
    {
        using var store = Open();
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["n"] = 0 }));
        const int Writes = 400;
        var written = 0;
        var readerFailures = 0;
        using var writersDone = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref written) <= Writes)
            {
                var patched = (await store.PatchAsync(Voucher, [PatchOperation.Increment("n", 1)])).Document!.Body["n"]!.GetValue<int>();
                var read = (await store.GetAsync(Voucher))!.Body["n"]!.GetValue<int>();
                var page = (await store.QueryAsync(Partition("voucher"))).Items[0].Body["n"]!.GetValue<int>();
                Assert.True(read >= patched, $"read {read} after writing {patched}");
                Assert.True(page >= patched, $"page read {page} after writing {patched}");
            }
        })).ToList();

        // Readers that keep the last value they saw: a value smaller than that would be a stale entry served after
        // the write that replaced it had committed (their previous read already saw it).
        var readers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var last = 0;
            while (!writersDone.IsCancellationRequested)
            {
                var n = i % 2 == 0
                    ? (await store.GetAsync(Voucher))!.Body["n"]!.GetValue<int>()
                    : (await store.QueryAsync(Partition("voucher"))).Items[0].Body["n"]!.GetValue<int>();
                if (n < last)
                {
                    Interlocked.Increment(ref readerFailures);
                }

                last = n;
                await Task.Yield();
            }
        })).ToList();

        try
        {
            await Task.WhenAll(writers);
        }
        finally
        {
            await writersDone.CancelAsync();
            await Task.WhenAll(readers);
        }

        Assert.Equal(0, readerFailures);
        Assert.Equal(Writes, (await store.GetAsync(Voucher))!.Body["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Readers_of_one_cached_version_share_its_typed_read_but_each_gets_a_body_of_its_own()
    {
        using var store = Open();
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "created" }));
        await store.GetAsync(Voucher);

        var first = (await store.GetAsync(Voucher))!;
        var second = (await store.GetAsync(Voucher))!;
        first.Body["state"] = "changed by a caller";

        Assert.Same(second.ReadShared<StateOnly>(), (await store.GetAsync(Voucher))!.ReadShared<StateOnly>());
        Assert.Equal("created", State(second));
        Assert.Equal("changed by a caller", first.ReadShared<StateOnly>().State);

        await store.PatchAsync(Voucher, [PatchOperation.Set("state", JsonValue.Create("patched"))]);
        var after = (await store.GetAsync(Voucher))!.ReadShared<StateOnly>();
        Assert.NotSame(second.ReadShared<StateOnly>(), after);
        Assert.Equal("patched", after.State);
    }

    [Fact]
    public async Task Pages_hand_back_the_versions_an_earlier_page_read_with_their_typed_reads_and_a_changed_one_anew()
    {
        // A kind's page without a partition is read from SQLite every time; the versions on it are what it shares.
        foreach (var (size, shared) in new[] { (SqliteStoreOptions.DefaultReadCacheSize, true), (0L, false) })
        {
            using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File($"pages-{size}.db")) { ReadCacheSize = size }, clock);
            var other = Voucher with { PartitionKey = "camp_2", Id = "v2" };
            await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "created" }));
            await store.CreateAsync(new NewDocument(other, new JsonObject { ["state"] = "other" }));
            var kind = new DocumentQuery(Voucher.ProjectId, Voucher.Kind) { OrderBy = "created_at", ReadShared = true };

            var first = (await store.QueryAsync(kind)).Items.Select(d => d.ReadShared<StateOnly>()).ToList();
            var second = (await store.QueryAsync(kind)).Items;
            Assert.Equal(shared, ReferenceEquals(first[0], second[0].ReadShared<StateOnly>()));
            Assert.Equal(shared, ReferenceEquals(first[1], second[1].ReadShared<StateOnly>()));

            // Each document still has a body of its own to change.
            second[0].Body["state"] = "changed by a caller";
            Assert.Equal("created", (await store.QueryAsync(kind)).Items[0].Body["state"]!.GetValue<string>());

            await store.PatchAsync(Voucher, [PatchOperation.Set("state", JsonValue.Create("patched"))]);
            var third = (await store.QueryAsync(kind)).Items;
            Assert.NotSame(first[0], third[0].ReadShared<StateOnly>());
            Assert.Equal("patched", third[0].ReadShared<StateOnly>().State);
            Assert.Equal(shared, ReferenceEquals(first[1], third[1].ReadShared<StateOnly>()));
        }
    }

    [Fact]
    public async Task A_page_whose_items_are_not_read_shared_keeps_nothing_for_the_next()
    {
        // A scan (a campaign's vouchers updated, products collected) meets each document once: kept, its versions would
        // push out of the cache what validate reads on every request.
        using var store = Open();
        await store.CreateAsync(new NewDocument(Voucher with { PartitionKey = "camp_2" }, new JsonObject { ["state"] = "created" }));
        var kind = new DocumentQuery(Voucher.ProjectId, Voucher.Kind);

        var first = Assert.Single((await store.QueryAsync(kind)).Items).ReadShared<StateOnly>();

        Assert.NotSame(first, Assert.Single((await store.QueryAsync(kind)).Items).ReadShared<StateOnly>());
    }

    [Fact]
    public async Task A_full_cache_drops_what_it_evicts_from_the_index_hits_are_served_from()
    {
        using var cache = new SqliteReadCache(40_000);
        var text = new string('x', 1_000);
        for (var k = 0; k < 500; k++)
        {
            await cache.GetOrReadAsync(Voucher with { PartitionKey = $"key-{k}", Id = $"key-{k}" }, text, static value => Task.FromResult<string?>(value), static value => value.Length);
        }

        // Eviction callbacks run on the thread pool, so the index catches up with the cache shortly after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (cache.Counts.Indexed > cache.Counts.Held && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.InRange(cache.Counts.Held, 1, 20);
        Assert.InRange(cache.Counts.Indexed, 1, (int)cache.Counts.Held);
    }

    [Fact]
    public async Task A_value_read_again_after_a_write_replaces_the_old_one_and_is_then_served_from_memory()
    {
        using var cache = new SqliteReadCache(SqliteStoreOptions.DefaultReadCacheSize);
        var reads = new CountedReads();

        Assert.Equal("first", await cache.GetOrReadAsync(Voucher, "first", reads.Read, static value => value.Length));
        Assert.Equal("first", await cache.GetOrReadAsync(Voucher, "unread", reads.Read, static value => value.Length));
        cache.Writing(Voucher);
        cache.Written();
        Assert.Equal("second", await cache.GetOrReadAsync(Voucher, "second", reads.Read, static value => value.Length));

        // The first entry's eviction (replaced) must not take the second out of the index.
        await Task.Delay(200);
        Assert.Equal("second", await cache.GetOrReadAsync(Voucher, "unread", reads.Read, static value => value.Length));
        Assert.Equal(2, reads.Count);
        Assert.Equal((1, 1L), cache.Counts);
    }

    [Fact]
    public async Task A_missing_document_is_remembered_as_missing_until_this_store_writes_it()
    {
        var path = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(path), clock);
        using var behind = new SqliteDocumentStore(new SqliteStoreOptions(path) { ReadCacheSize = 0 }, clock);
        var missing = Voucher with { Id = "missing" };
        Assert.Null(await store.GetAsync(Voucher));
        Assert.Null(await store.GetAsync(missing));

        // Created behind the store's back (another process, which the cache does not support): the miss is served.
        await behind.CreateAsync(new NewDocument(missing, new JsonObject { ["state"] = "behind" }));
        Assert.Null(await store.GetAsync(missing));

        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "created" }));
        Assert.Equal("created", State(await store.GetAsync(Voucher)));
        await store.DeleteAsync(Voucher);
        Assert.Null(await store.GetAsync(Voucher));
        Assert.Null(await store.GetAsync(Voucher));
        await store.CreateAsync(new NewDocument(Voucher, new JsonObject { ["state"] = "again" }));
        Assert.Equal("again", State(await store.GetAsync(Voucher)));
    }

    [Fact]
    public async Task Nothing_read_is_kept_as_nothing_and_a_write_ends_it()
    {
        using var cache = new SqliteReadCache(SqliteStoreOptions.DefaultReadCacheSize);
        var reads = new CountedReads();

        Assert.Null(await cache.GetOrReadAsync(Voucher, (string?)null, reads.Read, static value => value.Length));
        Assert.Null(await cache.GetOrReadAsync(Voucher, "unread", reads.Read, static value => value.Length));
        Assert.Equal(1, reads.Count);
        cache.Writing(Voucher);
        cache.Written();
        Assert.Equal("written", await cache.GetOrReadAsync(Voucher, "written", reads.Read, static value => value.Length));
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public void Keys_that_share_a_hash_are_still_told_apart_by_what_they_name()
    {
        var key = new SqliteCacheKey<DocumentKey>(Voucher, 7);

        Assert.Equal(key, new SqliteCacheKey<DocumentKey>(Voucher with { }, 7));
        Assert.NotEqual(key, new SqliteCacheKey<DocumentKey>(Voucher with { Id = "other" }, 7));
        Assert.False(key.Equals((object)new SqliteCacheKey<DocumentKey>(Voucher with { Id = "other" }, 7)));
        Assert.Equal(7, key.GetHashCode());
    }

    private static DocumentQuery Partition(string kind) => new(Voucher.ProjectId, kind) { PartitionKey = Voucher.PartitionKey };

    private static string? State(StoredDocument? document) => document?.Body["state"]?.GetValue<string>();

    private SqliteDocumentStore Open() => new(new SqliteStoreOptions(folder.File("store.db")), clock);
}
