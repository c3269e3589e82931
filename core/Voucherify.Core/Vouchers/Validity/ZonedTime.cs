namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// Between instants and a time zone's wall clock. A wall-clock time that a DST change skips is moved
/// forward by the gap (02:30 on a spring-forward night is 03:30); one that happens twice resolves to
/// its first occurrence. These are java.time's and NodaTime's lenient rules, so a timeframe window
/// stepped by calendar days still opens on the night the clocks change.
/// </summary>
public static class ZonedTime
{
    public static DateTime WallClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset Resolve(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var (before, after) = OffsetsAround(local, zone);
        foreach (var offset in before >= after ? new[] { before, after } : [after, before])
        {
            var candidate = new DateTimeOffset(local, offset);
            if (zone.GetUtcOffset(candidate) == offset)
            {
                return candidate;
            }
        }

        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
    }

    /// <summary>The offsets a day either side: zones change offset at most a few times a year, so these are the candidates.</summary>
    private static (TimeSpan Before, TimeSpan After) OffsetsAround(DateTime local, TimeZoneInfo zone)
    {
        var guess = new DateTimeOffset(local, TimeSpan.Zero) - zone.BaseUtcOffset;
        return (zone.GetUtcOffset(guess.AddDays(-1)), zone.GetUtcOffset(guess.AddDays(1)));
    }
}
