namespace Voucherify.Core.Caching;

/// <summary>
/// Remembers the results of a pure function that costs more than a dictionary lookup (a hash, a cipher). The bound only
/// caps memory: past it the memo starts over, which is correct, just slower for a while.
/// </summary>
/// <param name="make">The function remembered; given once, so a lookup allocates no delegate.</param>
public sealed class BoundedMemo<TKey, TValue>(int maxRemembered, Func<TKey, TValue> make)
    where TKey : notnull
{
    private readonly BoundedMap<TKey, TValue> made = new(maxRemembered);

    public TValue Get(TKey key)
    {
        if (made.TryGet(key, out var known))
        {
            return known;
        }

        var value = make(key);
        made.Set(key, value);
        return value;
    }
}
