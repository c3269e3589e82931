using System.Collections.Concurrent;

namespace Voucherify.Core.Caching;

/// <summary>
/// Remembers the results of a pure function that costs more than a dictionary lookup (a hash, a cipher). The bound only
/// caps memory: past it the memo starts over, which is correct, just slower for a while.
/// </summary>
public sealed class BoundedMemo<TKey, TValue>(int maxRemembered)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> made = new();
    private int remembered;

    public TValue Get(TKey key, Func<TKey, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
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
