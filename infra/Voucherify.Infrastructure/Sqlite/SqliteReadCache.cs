using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Documents and partition pages this store read lately, served from memory while nothing wrote them since. A validate
/// reads the same campaign, rules, assignments, customer and products as the one before it; each read from SQLite
/// costs a pooled connection, a statement and a copy of the text.
/// <para>
/// Staleness is ruled out with generations, not by removing entries. Every document key and every partition hashes to
/// a stripe of counters. The one writer makes a stripe's counter odd before its first statement on a key of that stripe
/// in a batch, and even again once the batch has committed or rolled back, before any caller hears of it. A reader
/// notes the counter before it reads SQLite and stores what it read under that number; an entry is served only while
/// the counter still shows it and is even. So what a write changed is never served after the write commits: during the
/// batch every reader of its stripes goes to SQLite, and afterwards no entry carries the new number. Another stripe's
/// writes cost an entry nothing; a shared stripe costs a miss, never a wrong answer.
/// </para>
/// This holds because the store is the file's one writer (see <see cref="SqliteServiceCollectionExtensions"/>):
/// another process writing the file is not seen here.
/// <para>
/// The memory cache holds the entries to its size limit and chooses what to drop; hits are served from a plain
/// concurrent index of the same entries, which the cache's eviction callbacks keep in step. A hit through the memory
/// cache itself reads the clock and writes the entry's last-access time, a cache line both cores then pass back and
/// forth for the hot campaign and rules (the lookups were 9.4% of a validate's profile, 6.5% through the index). So the
/// cache sees entries only as they are stored, and drops the oldest first when it must.
/// </para>
/// <para>
/// A key is looked up with the hash its stripe came from, in an index of its own type: a hit boxes no key and hashes its
/// four strings once, where an object-keyed index boxed it and hashed them again.
/// </para>
/// </summary>
internal sealed class SqliteReadCache : IDisposable
{
    private const int StripeCount = 1 << 14;
    private const int EntryOverhead = 256;

    private readonly long[] generations = new long[StripeCount];
    private readonly MemoryCache? entries;
    private readonly ConcurrentDictionary<SqliteCacheKey<DocumentKey>, object> points = new();
    private readonly ConcurrentDictionary<SqliteCacheKey<SqliteCachedPageKey>, object> pages = new();

    private readonly ConcurrentDictionary<SqliteVersionKey, object> versions = new();

    // Only the writer touches this, under the store's write gate.
    private readonly HashSet<int> writing = [];

    /// <param name="sizeLimit">Roughly the bytes held (two per character of text); 0 turns the cache off.</param>
    public SqliteReadCache(long sizeLimit)
    {
        if (sizeLimit > 0)
        {
            entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit });
        }
    }

    /// <summary>
    /// The value cached under <paramref name="key"/> while its stripe shows no write since it was read, else what
    /// <paramref name="read"/> returns for <paramref name="state"/>, kept for the next reader unless a write started
    /// meanwhile. Null (nothing there) is kept too: a redemption asks for the metadata schemas of the redemption, its
    /// customer, the order and its items, which a project without them never has, each miss a query of SQLite. A hit
    /// allocates nothing: the read comes as a static function of its state, not as a closure the caller builds on every
    /// call, and the answer as a value task.
    /// </summary>
    /// <param name="chars">The characters of text a value holds, which dominate its size.</param>
    public ValueTask<T?> GetOrReadAsync<T, TState>(DocumentKey key, TState state, Func<TState, Task<T?>> read, Func<T, long> chars)
        where T : class =>
        GetOrReadAsync(points, new SqliteCacheKey<DocumentKey>(key, PointHash(key)), state, read, chars);

    /// <summary>The same for a partition's first page, on the partition's stripe.</summary>
    public ValueTask<T?> GetOrReadAsync<T, TState>(SqliteCachedPageKey key, TState state, Func<TState, Task<T?>> read, Func<T, long> chars)
        where T : class =>
        GetOrReadAsync(pages, new SqliteCacheKey<SqliteCachedPageKey>(key, PartitionHash(key.ProjectId, key.Kind, key.PartitionKey)), state, read, chars);

    private async ValueTask<T?> GetOrReadAsync<TKey, T, TState>(ConcurrentDictionary<SqliteCacheKey<TKey>, object> index, SqliteCacheKey<TKey> key, TState state, Func<TState, Task<T?>> read, Func<T, long> chars)
        where TKey : IEquatable<TKey>
        where T : class
    {
        var ticket = Ticket(key.Hash);
        if (ticket is { } noted && index.TryGetValue(key, out var found) && found is SqliteCacheEntry<T> entry && entry.Generation == noted)
        {
            return entry.Value;
        }

        var value = await read(state).ConfigureAwait(false);
        if (ticket is { } readAt)
        {
            Keep(index, key, new SqliteCacheEntry<T>(readAt, value), value is null ? 0 : chars(value));
        }

        return value;
    }

    /// <summary>Puts a value in an index and in the memory cache, whose size limit and eviction then govern it.</summary>
    private void Keep<TIndexKey>(ConcurrentDictionary<TIndexKey, object> index, TIndexKey key, object value, long chars)
        where TIndexKey : notnull
    {
        // Indexed before the cache commits it, so its eviction (at once, when the cache is full) always finds it.
        index[key] = value;
        using var created = entries!.CreateEntry(key);
        created.Value = value;
        created.Size = (chars * sizeof(char)) + EntryOverhead;
        created.RegisterPostEvictionCallback(Unindex<TIndexKey>, index);
    }

    // Only the evicted entry itself leaves the index: a newer one stored under the key since stays.
    private static void Unindex<TIndexKey>(object key, object? value, EvictionReason reason, object? state)
        where TIndexKey : notnull =>
        ((ConcurrentDictionary<TIndexKey, object>)state!).TryRemove(new KeyValuePair<TIndexKey, object>((TIndexKey)key, value!));

    /// <summary>
    /// The row a page read before for this very version of the document (same key, same etag), else this one, kept for
    /// the next page; only for pages whose items are read shared (<see cref="DocumentQuery.ReadShared"/>), so a scan of a
    /// campaign's 100,000 vouchers does not push out what validate reads. A page is read from SQLite every time (it has no stripe to be checked against), but the versions
    /// on it mostly are the ones the page before held: the newest redemptions, a campaign's vouchers. Handing back the
    /// row read before hands back its typed reads (<see cref="SharedReads"/>), so a version is deserialised once and not
    /// on every page. A version never changes, so unlike a point read this needs no generation: an etag names one.
    /// </summary>
    public SqliteReturnedRow SameVersion(DocumentKey key, SqliteReturnedRow row)
    {
        if (entries is null)
        {
            return row;
        }

        var versionKey = new SqliteVersionKey(key);
        if (versions.TryGetValue(versionKey, out var found) && found is SqliteReturnedRow known && known.ETag == row.ETag)
        {
            return known;
        }

        Keep(versions, versionKey, row, row.Body.Length);
        return row;
    }

    /// <summary>Entries hits can be served from, and entries the memory cache holds (for tests: the first never stays above the second).</summary>
    internal (int Indexed, long Held) Counts => (points.Count + pages.Count + versions.Count, entries?.Count ?? 0);

    /// <summary>The writer, before a statement that writes <paramref name="key"/>.</summary>
    public void Writing(DocumentKey key)
    {
        if (entries is null)
        {
            return;
        }

        foreach (var stripe in (ReadOnlySpan<int>)[Stripe(PointHash(key)), Stripe(PartitionHash(key.ProjectId, key.Kind, key.PartitionKey))])
        {
            if (writing.Add(stripe))
            {
                Interlocked.Increment(ref generations[stripe]);
            }
        }
    }

    /// <summary>The writer, once the batch has committed or rolled back and before it answers anyone.</summary>
    public void Written()
    {
        foreach (var stripe in writing)
        {
            Interlocked.Increment(ref generations[stripe]);
        }

        writing.Clear();
    }

    /// <summary>The generation a reader notes before it reads SQLite; null when the cache is off or a write is under way.</summary>
    private long? Ticket(int hash)
    {
        if (entries is null)
        {
            return null;
        }

        var generation = Volatile.Read(ref generations[Stripe(hash)]);
        return (generation & 1) == 0 ? generation : null;
    }

    private static int Stripe(int hash) => hash & (StripeCount - 1);

    private static int PointHash(DocumentKey key) => HashCode.Combine(key.ProjectId, key.Kind, key.PartitionKey, key.Id);

    private static int PartitionHash(string projectId, string kind, string partitionKey) => HashCode.Combine(projectId, kind, partitionKey, StripeCount);

    public void Dispose() => entries?.Dispose();
}
