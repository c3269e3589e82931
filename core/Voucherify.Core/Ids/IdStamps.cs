namespace Voucherify.Core.Ids;

/// <summary>
/// The leading characters of a timed id: the millisecond it was made, times <see cref="PerMillisecond"/>, plus how many
/// ids this process made before it in that millisecond. Strictly increasing within a process, so ids made one after
/// another sort in the order made even inside one millisecond, and even if the system clock steps back.
/// </summary>
/// <remarks>
/// Lists ordered by created_at break ties by id. Without the count, two orders created in the same millisecond (the
/// clock the store stamps with has millisecond resolution) listed in the order of their random parts, not their
/// creation. If the clock steps back, stamps go on from the latest time seen until the clock catches up; a millisecond
/// that outruns its count (238,328 ids) borrows from the next.
/// </remarks>
internal sealed class IdStamps
{
    /// <summary>Characters of an id that carry the count, after the time.</summary>
    public const int CountLength = 3;

    /// <summary>62^<see cref="CountLength"/>: every count those characters of the sorted alphabet can write.</summary>
    public const long PerMillisecond = 62 * 62 * 62;

    private long last;

    public long Next(DateTimeOffset now)
    {
        var floor = now.ToUnixTimeMilliseconds() * PerMillisecond;
        while (true)
        {
            var seen = Volatile.Read(ref last);
            var next = Math.Max(floor, seen + 1);
            if (Interlocked.CompareExchange(ref last, next, seen) == seen)
            {
                return next;
            }
        }
    }
}
