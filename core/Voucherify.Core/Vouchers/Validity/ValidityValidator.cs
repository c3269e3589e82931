using Voucherify.Core.Errors;

namespace Voucherify.Core.Vouchers.Validity;

/// <summary>Checks time limits on create and update, so that only schedules <see cref="ValiditySchedule.FailureAt"/> can read get stored.</summary>
public static class ValidityValidator
{
    /// <exception cref="ApiException">400 invalid_payload naming the first problem found.</exception>
    public static void Validate(ValiditySchedule schedule)
    {
        var problem = FindProblem(schedule);
        if (problem is not null)
        {
            throw Problems.InvalidPayload(problem);
        }
    }

    /// <summary>The first problem with the schedule, or null when it is valid.</summary>
    public static string? FindProblem(ValiditySchedule schedule) =>
        DatesProblem(schedule) ?? CombinationProblem(schedule) ?? TimeframeProblem(schedule) ??
        DaysProblem(schedule) ?? HoursProblem(schedule);

    private static string? DatesProblem(ValiditySchedule schedule) =>
        schedule is { StartDate: { } start, ExpirationDate: { } expiration } && expiration < start
            ? "expiration_date must not be before start_date"
            : null;

    /// <summary>PROPOSAL (SEMANTICS R8.5): validity_hours replaces the other recurring limits rather than combining with them.</summary>
    private static string? CombinationProblem(ValiditySchedule schedule) =>
        schedule.HasHours && (schedule.HasTimeframe || schedule.HasDaysOfWeek)
            ? "validity_hours cannot be combined with validity_timeframe or validity_day_of_week"
            : null;

    private static string? TimeframeProblem(ValiditySchedule schedule)
    {
        if (!schedule.HasTimeframe)
        {
            return null;
        }

        var timeframe = schedule.ValidityTimeframe!;
        return schedule.StartDate is null ? "validity_timeframe requires start_date"
            : DurationProblem("interval", timeframe.Interval) ?? DurationProblem("duration", timeframe.Duration);
    }

    private static string? DurationProblem(string field, string? text)
    {
        if (!IsoDuration.TryParse(text, out var duration))
        {
            return $"validity_timeframe.{field} '{text}' is not an ISO-8601 duration such as P2D or PT1H";
        }

        return duration.IsZero ? $"validity_timeframe.{field} must be longer than zero" : null;
    }

    private static string? DaysProblem(ValiditySchedule schedule) =>
        schedule.HasDaysOfWeek && DailyWindow.DayMask(schedule.ValidityDayOfWeek) is null
            ? "validity_day_of_week must contain numbers 0 (Sunday) to 6 (Saturday)"
            : null;

    private static string? HoursProblem(ValiditySchedule schedule)
    {
        if (!schedule.HasHours)
        {
            return null;
        }

        var windows = new List<DailyWindow>();
        foreach (var entry in schedule.ValidityHours!.Daily!)
        {
            if (DailyWindow.TryFrom(entry, out var problem) is not { } window)
            {
                return problem;
            }

            if (windows.Any(window.Overlaps))
            {
                return $"validity_hours.daily entries must not overlap ({entry.StartTime}-{entry.ExpirationTime})";
            }

            windows.Add(window);
        }

        return null;
    }
}
