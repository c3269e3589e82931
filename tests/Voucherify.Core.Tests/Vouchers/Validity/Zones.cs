using System.Globalization;

namespace Voucherify.Core.Tests.Vouchers.Validity;

internal static class Zones
{
    public static TimeZoneInfo Utc => TimeZoneInfo.Utc;

    public static TimeZoneInfo Warsaw { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>An instant written with its offset, e.g. "2024-03-31T09:30+02:00", so tests read as wall clocks.</summary>
    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
