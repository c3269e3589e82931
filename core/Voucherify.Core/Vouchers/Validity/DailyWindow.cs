using System.Globalization;

namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// A parsed <see cref="ValidityHoursDaily"/>: minutes of the local day, start inclusive and end
/// exclusive (PROPOSAL R8.5, so 09:00–11:00 and 11:00–13:00 touch without overlapping), and a weekday
/// bit mask. An expiration of "24:00", or "00:00" after a later start, means the end of the day.
/// </summary>
internal readonly record struct DailyWindow(int StartMinute, int EndMinute, int Days)
{
    private const int EveryDay = 0b111_1111;
    private const int MinutesPerDay = 24 * 60;

    public bool Contains(DateTime wallClock) =>
        (Days & DayBit(wallClock.DayOfWeek)) != 0 &&
        wallClock.TimeOfDay >= TimeSpan.FromMinutes(StartMinute) &&
        wallClock.TimeOfDay < TimeSpan.FromMinutes(EndMinute);

    public bool Overlaps(DailyWindow other) =>
        (Days & other.Days) != 0 && StartMinute < other.EndMinute && other.StartMinute < EndMinute;

    /// <summary>Null with the reason when the entry cannot be a window.</summary>
    public static DailyWindow? TryFrom(ValidityHoursDaily? entry, out string? problem)
    {
        problem = null;
        if (entry is null)
        {
            problem = "validity_hours.daily entries must be objects with start_time, expiration_time and days_of_week";
            return null;
        }

        if (!TryMinute(entry.StartTime, out var start) || start == MinutesPerDay)
        {
            problem = $"validity_hours.daily start_time '{entry.StartTime}' is not a time of day in HH:mm format";
            return null;
        }

        if (!TryMinute(entry.ExpirationTime, out var end))
        {
            problem = $"validity_hours.daily expiration_time '{entry.ExpirationTime}' is not a time of day in HH:mm format";
            return null;
        }

        end = end == 0 ? MinutesPerDay : end;
        if (end <= start)
        {
            problem = $"validity_hours.daily expiration_time {entry.ExpirationTime} must be after start_time {entry.StartTime}; split a window that passes midnight into two entries";
            return null;
        }

        var days = DayMask(entry.DaysOfWeek);
        problem = days is null ? "validity_hours.daily days_of_week must be numbers 0 (Sunday) to 6 (Saturday)" : null;
        return days is null ? null : new DailyWindow(start, end, days.Value);
    }

    /// <summary>Null when a day is outside 0..6; no days at all means every day.</summary>
    public static int? DayMask(IReadOnlyList<int>? days)
    {
        if (days is null || days.Count == 0)
        {
            return EveryDay;
        }

        return days.Any(day => day is < 0 or > 6) ? null : days.Aggregate(0, (mask, day) => mask | (1 << day));
    }

    public static int DayBit(DayOfWeek day) => 1 << (int)day;

    private static bool TryMinute(string? text, out int minute)
    {
        minute = 0;
        if (text is not { Length: 5 } || text[2] != ':' ||
            !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        minute = (hours * 60) + minutes;
        return minutes < 60 && (hours < 24 || minute == MinutesPerDay);
    }
}
