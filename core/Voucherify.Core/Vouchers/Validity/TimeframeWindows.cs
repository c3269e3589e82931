namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// R8.3: active iff some k ≥ 0 has start + k·interval ≤ now &lt; start + k·interval + duration. Only the
/// latest window that has opened needs checking: later windows start later and so end no earlier.
/// </summary>
internal static class TimeframeWindows
{
    public static bool Covers(DateTimeOffset start, IsoDuration interval, IsoDuration duration, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (now < start)
        {
            return false;
        }

        var k = LatestOpened(start, interval, now, zone);
        var end = duration.AddTo(OpeningOf(k, start, interval, zone), zone);
        return end is null || now < end.Value;
    }

    /// <summary>Estimates k from the average interval length, then walks the few steps calendar irregularity leaves.</summary>
    private static long LatestOpened(DateTimeOffset start, IsoDuration interval, DateTimeOffset now, TimeZoneInfo zone)
    {
        var k = (long)Math.Floor((now - start).Ticks / (double)interval.ApproximateLength.Ticks);
        while (k > 0 && OpeningOf(k, start, interval, zone) > now)
        {
            k--;
        }

        while (OpeningOf(k + 1, start, interval, zone) <= now)
        {
            k++;
        }

        return k;
    }

    private static DateTimeOffset OpeningOf(long k, DateTimeOffset start, IsoDuration interval, TimeZoneInfo zone)
    {
        try
        {
            return interval.Times(k).AddTo(start, zone) ?? DateTimeOffset.MaxValue;
        }
        catch (OverflowException)
        {
            return DateTimeOffset.MaxValue;
        }
    }
}
