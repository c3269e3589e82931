using System.Globalization;
using System.Text.RegularExpressions;

namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// An ISO-8601 duration, PnYnMnWnDTnHnMnS. Calendar parts (years, months, days) move the wall clock of a
/// time zone, so "P1M" from 31 Jan lands on the last day of February and "P1D" across a DST change is
/// 23 or 25 hours; clock parts (hours, minutes, seconds) are elapsed time. This is how java.time and
/// NodaTime add a period to a zoned time; a TimeSpan cannot express the calendar parts at all.
/// </summary>
public readonly partial record struct IsoDuration(int Months, int Days, TimeSpan Clock)
{
    private const double DaysPerMonth = 30.436875;
    private static readonly TimeSpan Longest = TimeSpan.FromDays(3_652_425);

    public bool IsZero => Months == 0 && Days == 0 && Clock == TimeSpan.Zero;

    /// <summary>An average length, good only for estimating how many intervals fit into a span.</summary>
    public TimeSpan ApproximateLength => TimeSpan.FromDays((Months * DaysPerMonth) + Days) + Clock;

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO-8601 duration.");

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true } || !TryCalendar(match, out var months, out var days) || !TryClock(match, out var clock))
        {
            return false;
        }

        duration = new IsoDuration(months, days, clock);
        return duration.ApproximateLength <= Longest;
    }

    /// <summary>k times this duration, part by part, so "P1M" × 2 from 31 Jan is 31 Mar, not 29 Mar.</summary>
    public IsoDuration Times(long factor) =>
        new(checked((int)(Months * factor)), checked((int)(Days * factor)), TimeSpan.FromTicks(checked(Clock.Ticks * factor)));

    /// <summary>The instant this duration after <paramref name="instant"/>, or null past the calendar's end.</summary>
    public DateTimeOffset? AddTo(DateTimeOffset instant, TimeZoneInfo zone)
    {
        try
        {
            var shifted = Months == 0 && Days == 0 ? instant : ZonedTime.Resolve(ZonedTime.WallClock(instant, zone).AddMonths(Months).AddDays(Days), zone);
            return shifted + Clock;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool TryCalendar(Match match, out int months, out int days)
    {
        months = days = 0;
        if (!TryNumber(match, "y", out var years) || !TryNumber(match, "mo", out var onlyMonths) ||
            !TryNumber(match, "w", out var weeks) || !TryNumber(match, "d", out var onlyDays))
        {
            return false;
        }

        var totalMonths = (years * 12) + onlyMonths;
        var totalDays = (weeks * 7) + onlyDays;
        months = (int)Math.Min(totalMonths, int.MaxValue);
        days = (int)Math.Min(totalDays, int.MaxValue);
        return totalMonths <= int.MaxValue && totalDays <= int.MaxValue;
    }

    private static bool TryClock(Match match, out TimeSpan clock)
    {
        clock = TimeSpan.Zero;
        if (!TryNumber(match, "h", out var hours) || !TryNumber(match, "mi", out var minutes))
        {
            return false;
        }

        var group = match.Groups["s"];
        var text = group.Success ? group.Value.Replace(',', '.') : "0";
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var total = (hours * 3600m) + (minutes * 60m) + seconds;
        if (total > (decimal)Longest.TotalSeconds)
        {
            return false;
        }

        clock = TimeSpan.FromTicks((long)(total * TimeSpan.TicksPerSecond));
        return true;
    }

    private static bool TryNumber(Match match, string name, out long value)
    {
        var group = match.Groups[name];
        value = 0;
        return !group.Success || long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= int.MaxValue;
    }

    [GeneratedRegex(@"^P(?!$)(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?=\d)(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d{1,7})?)S)?)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 100)]
    private static partial Regex Pattern();
}
