using System.Collections.Concurrent;

namespace Voucherify.Core.Caching;

/// <summary>
/// Remembers the results of a pure function that costs more than a dictionary lookup (a hash, a cipher). The bound only
/// caps memory: past it the memo starts over, which is correct, just slower for a while.
/// </summary>
/// <param name="make">The function remembered; given once, so a lookup allocates no delegate.</param>
public sealed class BoundedMemo<TKey, TValue>(int maxRemembered, Func<TKey, TValue> make)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> made = new();
    private int remembered;

    public TValue Get(TKey key)
    {
        if (made.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = make(key);
        if (Interlocked.Increment(ref remembered) > maxRemembered)
        {
            made.Clear();
            Interlocked.Exchange(ref remembered, 0);
        }

        made.TryAdd(key, value);
        return value;
    }
}
