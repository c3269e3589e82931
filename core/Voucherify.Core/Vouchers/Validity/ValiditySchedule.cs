using System.Text.Json.Serialization;

namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// A voucher's time limits (SEMANTICS §8), with campaign values already applied by the caller. Dates
/// are instants; weekdays, daily hours and calendar steps of a timeframe are read on the project's
/// wall clock. Limits that cannot be read (stored before validation existed, say) fail closed.
/// </summary>
public readonly record struct ValiditySchedule(
    DateTimeOffset? StartDate = null,
    DateTimeOffset? ExpirationDate = null,
    ValidityTimeframe? ValidityTimeframe = null,
    IReadOnlyList<int>? ValidityDayOfWeek = null,
    ValidityHours? ValidityHours = null)
{
    [JsonIgnore]
    public bool HasTimeframe => ValidityTimeframe is { Interval: not null } or { Duration: not null };

    [JsonIgnore]
    public bool HasDaysOfWeek => ValidityDayOfWeek is { Count: > 0 };

    [JsonIgnore]
    public bool HasHours => ValidityHours?.Daily is { Count: > 0 };

    /// <summary>Null when the voucher may be used at <paramref name="now"/>, else the contract's failure key.</summary>
    public string? FailureAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (StartDate is { } start && now < start)
        {
            return ValidityFailures.NotActive;
        }

        if (ExpirationDate is { } expiration && now > expiration)
        {
            return ValidityFailures.Expired;
        }

        return IsActiveNow(now, zone) ? null : ValidityFailures.NotActiveNow;
    }

    private bool IsActiveNow(DateTimeOffset now, TimeZoneInfo zone)
    {
        var wallClock = ZonedTime.WallClock(now, zone);
        return InTimeframe(now, zone) && OnValidDay(wallClock) && InValidHours(wallClock);
    }

    private bool InTimeframe(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!HasTimeframe)
        {
            return true;
        }

        return StartDate is { } start &&
            IsoDuration.TryParse(ValidityTimeframe!.Interval, out var interval) && !interval.IsZero &&
            IsoDuration.TryParse(ValidityTimeframe.Duration, out var duration) &&
            TimeframeWindows.Covers(start, interval, duration, now, zone);
    }

    private bool OnValidDay(DateTime wallClock) =>
        !HasDaysOfWeek || (DailyWindow.DayMask(ValidityDayOfWeek) is { } mask && (mask & DailyWindow.DayBit(wallClock.DayOfWeek)) != 0);

    private bool InValidHours(DateTime wallClock) =>
        !HasHours || ValidityHours!.Daily!.Any(entry => DailyWindow.TryFrom(entry, out _) is { } window && window.Contains(wallClock));
}
