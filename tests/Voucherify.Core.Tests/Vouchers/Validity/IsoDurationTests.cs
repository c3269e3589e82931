using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

public sealed class IsoDurationTests
{
    [Fact]
    public void Every_part_of_the_full_notation_is_read()
    {
        var duration = IsoDuration.Parse("P1Y2M3W4DT5H6M7.5S");

        Assert.Equal(new IsoDuration(14, 25, new TimeSpan(0, 5, 6, 7, 500)), duration);
    }

    [Theory]
    [InlineData("PT1M", 0, 0, 60)]
    [InlineData("P1M", 1, 0, 0)]
    [InlineData("P2D", 0, 2, 0)]
    [InlineData("PT36H", 0, 0, 129_600)]
    [InlineData("P1W", 0, 7, 0)]
    [InlineData("PT0,5S", 0, 0, 0.5)]
    [InlineData("P0D", 0, 0, 0)]
    public void M_means_months_before_t_and_minutes_after_it(string text, int months, int days, double seconds) =>
        Assert.Equal(new IsoDuration(months, days, TimeSpan.FromSeconds(seconds)), IsoDuration.Parse(text));

    [Theory]
    [InlineData("P1D", 1.0)]
    [InlineData("PT1H", 1.0 / 24)]
    [InlineData("P1M", 30.436875)]
    [InlineData("P1Y", 365.2425)]
    public void The_approximate_length_averages_calendar_parts(string text, double days) =>
        Assert.Equal(days, IsoDuration.Parse(text).ApproximateLength.TotalDays, 6);

    [Fact]
    public void A_zero_duration_is_zero() => Assert.True(IsoDuration.Parse("PT0S").IsZero);

    [Fact]
    public void Parse_rejects_a_duration_with_a_sign() => Assert.Throws<FormatException>(() => IsoDuration.Parse("-P1D"));

    [Fact]
    public void A_month_from_the_31st_of_january_lands_on_the_last_day_of_february() =>
        Assert.Equal(At("2024-02-29T10:00Z"), IsoDuration.Parse("P1M").AddTo(At("2024-01-31T10:00Z"), Utc));

    [Fact]
    public void Two_months_from_the_31st_of_january_land_on_the_31st_of_march() =>
        Assert.Equal(At("2024-03-31T10:00Z"), IsoDuration.Parse("P1M").Times(2).AddTo(At("2024-01-31T10:00Z"), Utc));

    [Fact]
    public void A_year_and_a_month_from_a_leap_day_count_thirteen_months() =>
        Assert.Equal(At("2025-03-29T00:00Z"), IsoDuration.Parse("P1Y1M").AddTo(At("2024-02-29T00:00Z"), Utc));

    [Fact]
    public void A_calendar_day_across_warsaw_spring_forward_lasts_twenty_three_hours() =>
        Assert.Equal(TimeSpan.FromHours(23), IsoDuration.Parse("P1D").AddTo(At("2024-03-30T12:00+01:00"), Warsaw) - At("2024-03-30T12:00+01:00"));

    [Fact]
    public void A_calendar_day_across_warsaw_fall_back_lasts_twenty_five_hours() =>
        Assert.Equal(TimeSpan.FromHours(25), IsoDuration.Parse("P1D").AddTo(At("2024-10-26T12:00+02:00"), Warsaw) - At("2024-10-26T12:00+02:00"));

    [Fact]
    public void Twenty_four_clock_hours_across_spring_forward_last_twenty_four_hours() =>
        Assert.Equal(At("2024-03-31T13:00+02:00"), IsoDuration.Parse("PT24H").AddTo(At("2024-03-30T12:00+01:00"), Warsaw));

    [Fact]
    public void A_calendar_month_across_new_york_spring_forward_keeps_the_wall_clock() =>
        Assert.Equal(At("2024-03-15T09:00-04:00"), IsoDuration.Parse("P1M").AddTo(At("2024-02-15T09:00-05:00"), NewYork));

    [Fact]
    public void Calendar_parts_apply_before_clock_parts() =>
        Assert.Equal(At("2024-03-31T13:00+02:00"), IsoDuration.Parse("P1DT1H").AddTo(At("2024-03-30T12:00+01:00"), Warsaw));

    [Fact]
    public void Adding_past_the_end_of_the_calendar_gives_null() =>
        Assert.Null(IsoDuration.Parse("P10Y").AddTo(At("9995-01-01T00:00Z"), Utc));

    [Fact]
    public void Multiplying_keeps_every_part_exact() =>
        Assert.Equal(new IsoDuration(3, 6, TimeSpan.FromMinutes(3)), new IsoDuration(1, 2, TimeSpan.FromMinutes(1)).Times(3));
}
