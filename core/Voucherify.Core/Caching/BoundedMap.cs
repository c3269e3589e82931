using System.Collections.Concurrent;

namespace Voucherify.Core.Caching;

/// <summary>
/// A concurrent map of things worth remembering that can always be found again, slower (a hash made, an alias
/// followed). The bound only caps memory: past it the map starts over, with no bookkeeping per hit to choose what to drop.
/// </summary>
public sealed class BoundedMap<TKey, TValue>(int maxRemembered)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new();
    private int remembered;

    public bool TryGet(TKey key, out TValue value) => entries.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        if (Interlocked.Increment(ref remembered) > maxRemembered)
        {
            entries.Clear();
            Interlocked.Exchange(ref remembered, 0);
        }

        entries[key] = value;
    }

    public void Remove(TKey key) => entries.TryRemove(key, out _);
}
