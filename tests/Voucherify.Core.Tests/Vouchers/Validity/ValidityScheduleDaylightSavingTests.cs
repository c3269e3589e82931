using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

/// <summary>
/// Spring-forward and fall-back days: Europe/Warsaw on 2024-03-31 (02:00 CET → 03:00 CEST) and 2024-10-27
/// (03:00 CEST → 02:00 CET); America/New_York on 2024-03-10 (02:00 EST → 03:00 EDT) and 2024-11-03 (02:00 EDT → 01:00 EST).
/// </summary>
public sealed class ValidityScheduleDaylightSavingTests
{
    private static ValiditySchedule Daily(string start, string expiration) =>
        new(ValidityHours: new ValidityHours([new ValidityHoursDaily(start, expiration, null)]));

    private static ValiditySchedule Timeframe(string start, string interval, string duration) =>
        new(StartDate: At(start), ValidityTimeframe: new ValidityTimeframe(interval, duration));

    [Fact]
    public void A_daily_timeframe_in_warsaw_opens_at_the_same_wall_clock_hour_after_spring_forward()
    {
        var schedule = Timeframe("2024-03-30T09:00+01:00", "P1D", "PT1H");

        Assert.Null(schedule.FailureAt(At("2024-03-31T09:30+02:00"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T10:30+02:00"), Warsaw));
    }

    [Fact]
    public void A_daily_timeframe_in_warsaw_opens_at_the_same_wall_clock_hour_after_fall_back()
    {
        var schedule = Timeframe("2024-10-26T09:00+02:00", "P1D", "PT1H");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-10-27T08:30+01:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-10-27T09:30+01:00"), Warsaw));
    }

    [Fact]
    public void A_timeframe_of_twenty_four_hours_counts_elapsed_time_and_so_drifts_an_hour_on_the_wall_clock()
    {
        var schedule = Timeframe("2024-03-30T09:00+01:00", "PT24H", "PT1H");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T09:30+02:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-03-31T10:30+02:00"), Warsaw));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_timeframe_window_whose_wall_clock_start_is_skipped_by_spring_forward_opens_an_hour_later()
    {
        var schedule = Timeframe("2024-03-30T02:30+01:00", "P1D", "PT1H");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T01:59+01:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-03-31T03:30+02:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-03-31T04:29+02:00"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T04:30+02:00"), Warsaw));
    }

    [Fact]
    public void A_daily_timeframe_in_new_york_opens_at_noon_after_spring_forward()
    {
        var schedule = Timeframe("2024-03-09T12:00-05:00", "P1D", "PT1H");

        Assert.Null(schedule.FailureAt(At("2024-03-10T12:30-04:00"), NewYork));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-10T13:30-04:00"), NewYork));
    }

    [Fact]
    public void A_daily_timeframe_in_new_york_opens_at_noon_after_fall_back()
    {
        var schedule = Timeframe("2024-11-02T12:00-04:00", "P1D", "PT1H");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-11-03T11:30-05:00"), NewYork));
        Assert.Null(schedule.FailureAt(At("2024-11-03T12:30-05:00"), NewYork));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_timeframe_window_on_a_repeated_new_york_hour_opens_at_its_first_occurrence()
    {
        var schedule = Timeframe("2024-11-02T01:30-04:00", "P1D", "PT1H");

        Assert.Null(schedule.FailureAt(At("2024-11-03T01:45-04:00"), NewYork));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-11-03T01:45-05:00"), NewYork));
    }

    [Fact]
    public void Warsaw_daily_hours_in_the_skipped_spring_forward_hour_never_match_that_night()
    {
        var schedule = Daily("02:00", "03:00");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T01:59:59+01:00"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T03:00+02:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-04-01T02:30+02:00"), Warsaw));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Warsaw_daily_hours_in_the_repeated_fall_back_hour_match_both_times()
    {
        var schedule = Daily("02:00", "03:00");

        Assert.Null(schedule.FailureAt(At("2024-10-27T02:30+02:00"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-10-27T02:30+01:00"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-10-27T03:00+01:00"), Warsaw));
    }

    [Fact]
    public void Warsaw_daily_hours_follow_the_wall_clock_on_either_side_of_spring_forward()
    {
        var schedule = Daily("09:00", "10:00");

        Assert.Null(schedule.FailureAt(At("2024-03-30T08:30Z"), Warsaw));
        Assert.Null(schedule.FailureAt(At("2024-03-31T07:30Z"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-31T08:30Z"), Warsaw));
    }

    [Fact]
    public void New_york_daily_hours_in_the_skipped_spring_forward_hour_never_match_that_night()
    {
        var schedule = Daily("02:00", "03:00");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-10T01:59-05:00"), NewYork));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-10T03:00-04:00"), NewYork));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void New_york_daily_hours_in_the_repeated_fall_back_hour_match_both_times()
    {
        var schedule = Daily("01:00", "02:00");

        Assert.Null(schedule.FailureAt(At("2024-11-03T01:30-04:00"), NewYork));
        Assert.Null(schedule.FailureAt(At("2024-11-03T01:30-05:00"), NewYork));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-11-03T02:00-05:00"), NewYork));
    }

    [Fact]
    public void The_warsaw_weekday_turns_at_local_midnight_in_summer_time()
    {
        var mondays = new ValiditySchedule(ValidityDayOfWeek: [1]);

        Assert.Null(mondays.FailureAt(At("2024-03-31T22:30Z"), Warsaw));
        Assert.Equal("voucher_not_active_now", mondays.FailureAt(At("2024-03-31T21:30Z"), Warsaw));
    }

    [Fact]
    public void The_new_york_weekday_turns_at_local_midnight_on_the_fall_back_day()
    {
        var sundays = new ValiditySchedule(ValidityDayOfWeek: [0]);

        Assert.Null(sundays.FailureAt(At("2024-11-03T23:59-05:00"), NewYork));
        Assert.Equal("voucher_not_active_now", sundays.FailureAt(At("2024-11-04T05:00Z"), NewYork));
    }
}
