using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

public sealed class ValidityScheduleTests
{
    private static readonly ValiditySchedule EveryOtherDayForAnHour =
        new(StartDate: At("2024-01-01T00:00Z"), ValidityTimeframe: new ValidityTimeframe("P2D", "PT1H"));

    private static readonly ValiditySchedule TuesdayAndThursdayMornings =
        new(ValidityHours: new ValidityHours([new ValidityHoursDaily("09:00", "11:00", [2, 4])]));

    [Fact]
    public void A_voucher_without_time_limits_is_always_active() =>
        Assert.Null(new ValiditySchedule().FailureAt(At("2024-06-01T10:00Z"), Utc));

    [Fact]
    public void A_voucher_is_not_active_before_its_start_date() =>
        Assert.Equal("voucher_not_active", new ValiditySchedule(StartDate: At("2024-06-01T10:00Z")).FailureAt(At("2024-06-01T09:59:59.999Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_voucher_is_active_from_the_instant_of_its_start_date() =>
        Assert.Null(new ValiditySchedule(StartDate: At("2024-06-01T10:00Z")).FailureAt(At("2024-06-01T10:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_voucher_is_still_active_at_the_instant_of_its_expiration_date() =>
        Assert.Null(new ValiditySchedule(ExpirationDate: At("2024-06-30T23:59Z")).FailureAt(At("2024-06-30T23:59Z"), Utc));

    [Fact]
    public void A_voucher_is_expired_after_its_expiration_date() =>
        Assert.Equal("voucher_expired", new ValiditySchedule(ExpirationDate: At("2024-06-30T23:59Z")).FailureAt(At("2024-06-30T23:59:00.001Z"), Utc));

    [Fact]
    public void Start_and_expiration_dates_are_instants_whatever_the_project_time_zone() =>
        Assert.Equal("voucher_not_active", new ValiditySchedule(StartDate: At("2024-06-01T00:00Z")).FailureAt(At("2024-06-01T01:00+02:00"), Warsaw));

    [Fact]
    public void A_timeframe_window_is_open_half_an_hour_into_its_second_occurrence() =>
        Assert.Null(EveryOtherDayForAnHour.FailureAt(At("2024-01-03T00:30Z"), Utc));

    [Fact]
    public void A_timeframe_is_not_active_now_on_the_day_between_two_windows() =>
        Assert.Equal("voucher_not_active_now", EveryOtherDayForAnHour.FailureAt(At("2024-01-02T00:30Z"), Utc));

    [Fact]
    public void A_timeframe_window_opens_at_the_start_date_itself() =>
        Assert.Null(EveryOtherDayForAnHour.FailureAt(At("2024-01-01T00:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_timeframe_window_is_closed_at_its_end_because_the_end_is_exclusive() =>
        Assert.Equal("voucher_not_active_now", EveryOtherDayForAnHour.FailureAt(At("2024-01-01T01:00Z"), Utc));

    [Fact]
    public void A_timeframe_window_is_open_just_before_its_end() =>
        Assert.Null(EveryOtherDayForAnHour.FailureAt(At("2024-01-01T00:59:59.999Z"), Utc));

    [Fact]
    public void A_timeframe_in_a_project_time_zone_counts_days_from_the_local_start()
    {
        var schedule = new ValiditySchedule(StartDate: At("2024-01-01T00:00+01:00"), ValidityTimeframe: new ValidityTimeframe("P2D", "PT1H"));

        Assert.Null(schedule.FailureAt(At("2024-01-03T00:30+01:00"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-01-02T00:30+01:00"), Warsaw));
    }

    [Fact]
    public void A_timeframe_whose_duration_exceeds_its_interval_is_always_active_after_the_start()
    {
        var schedule = new ValiditySchedule(StartDate: At("2024-01-01T00:00Z"), ValidityTimeframe: new ValidityTimeframe("PT1H", "PT2H"));

        Assert.Null(schedule.FailureAt(At("2024-05-17T13:59:59Z"), Utc));
    }

    [Fact]
    public void A_timeframe_of_minutes_is_found_even_years_after_the_start()
    {
        var schedule = new ValiditySchedule(StartDate: At("2020-01-01T00:00Z"), ValidityTimeframe: new ValidityTimeframe("PT10M", "PT1M"));

        Assert.Null(schedule.FailureAt(At("2024-07-15T12:40:30Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-07-15T12:41:00Z"), Utc));
    }

    [Fact]
    public void A_monthly_timeframe_steps_calendar_months_and_falls_back_to_the_last_day_of_short_months()
    {
        var schedule = new ValiditySchedule(StartDate: At("2024-01-31T10:00Z"), ValidityTimeframe: new ValidityTimeframe("P1M", "PT1H"));

        Assert.Null(schedule.FailureAt(At("2024-02-29T10:30Z"), Utc));
        Assert.Null(schedule.FailureAt(At("2024-03-31T10:30Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-03-29T10:30Z"), Utc));
    }

    [Fact]
    public void A_monthly_timeframe_is_found_decades_after_the_start_without_drifting()
    {
        var schedule = new ValiditySchedule(StartDate: At("2000-01-31T00:00Z"), ValidityTimeframe: new ValidityTimeframe("P1M", "PT1H"));

        Assert.Null(schedule.FailureAt(At("2050-02-28T00:30Z"), Utc));
        Assert.Null(schedule.FailureAt(At("2050-03-31T00:30Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2050-03-28T00:30Z"), Utc));
    }

    [Fact]
    public void A_yearly_timeframe_from_a_leap_day_opens_on_the_28th_of_february_in_common_years()
    {
        var schedule = new ValiditySchedule(StartDate: At("2024-02-29T00:00Z"), ValidityTimeframe: new ValidityTimeframe("P1Y", "P1D"));

        Assert.Null(schedule.FailureAt(At("2025-02-28T12:00Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2025-03-01T12:00Z"), Utc));
        Assert.Null(schedule.FailureAt(At("2028-02-29T12:00Z"), Utc));
    }

    [Fact]
    public void A_weekly_timeframe_combines_years_months_weeks_and_days_notation()
    {
        var schedule = new ValiditySchedule(StartDate: At("2024-01-01T00:00Z"), ValidityTimeframe: new ValidityTimeframe("P1W", "P1DT12H"));

        Assert.Null(schedule.FailureAt(At("2024-01-09T11:59Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-01-09T12:00Z"), Utc));
    }

    [Fact]
    public void Weekdays_limit_a_voucher_to_monday_to_friday_so_saturday_is_not_active_now()
    {
        var schedule = new ValiditySchedule(ValidityDayOfWeek: [1, 2, 3, 4, 5]);

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-01T10:00Z"), Utc));
        Assert.Null(schedule.FailureAt(At("2024-06-03T10:00Z"), Utc));
    }

    [Fact]
    public void Weekdays_are_read_in_the_project_time_zone()
    {
        var schedule = new ValiditySchedule(ValidityDayOfWeek: [1, 2, 3, 4, 5]);
        var saturdayInUtcButFridayEveningInNewYork = At("2024-06-01T02:00Z");

        Assert.Equal("voucher_not_active_now", schedule.FailureAt(saturdayInUtcButFridayEveningInNewYork, Utc));
        Assert.Null(schedule.FailureAt(saturdayInUtcButFridayEveningInNewYork, NewYork));
    }

    [Fact]
    public void Sunday_is_day_zero() =>
        Assert.Null(new ValiditySchedule(ValidityDayOfWeek: [0]).FailureAt(At("2024-06-02T10:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void An_empty_weekday_list_does_not_limit_the_voucher() =>
        Assert.Null(new ValiditySchedule(ValidityDayOfWeek: []).FailureAt(At("2024-06-01T10:00Z"), Utc));

    [Fact]
    public void Weekdays_and_a_timeframe_must_both_match()
    {
        var schedule = new ValiditySchedule(
            StartDate: At("2024-06-01T00:00Z"), ValidityTimeframe: new ValidityTimeframe("P1D", "PT2H"), ValidityDayOfWeek: [1]);

        Assert.Null(schedule.FailureAt(At("2024-06-03T01:00Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-04T01:00Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-03T03:00Z"), Utc));
    }

    [Fact]
    public void Daily_hours_are_valid_on_tuesday_at_ten_fifty_nine() =>
        Assert.Null(TuesdayAndThursdayMornings.FailureAt(At("2024-06-04T10:59Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Daily_hours_end_exclusively_so_tuesday_at_eleven_is_not_active_now() =>
        Assert.Equal("voucher_not_active_now", TuesdayAndThursdayMornings.FailureAt(At("2024-06-04T11:00Z"), Utc));

    [Fact]
    public void Daily_hours_do_not_apply_on_days_not_listed_so_wednesday_at_ten_is_not_active_now() =>
        Assert.Equal("voucher_not_active_now", TuesdayAndThursdayMornings.FailureAt(At("2024-06-05T10:00Z"), Utc));

    [Fact]
    public void Daily_hours_start_inclusively() =>
        Assert.Null(TuesdayAndThursdayMornings.FailureAt(At("2024-06-06T09:00Z"), Utc));

    [Fact]
    public void Daily_hours_are_valid_when_any_entry_matches()
    {
        var schedule = new ValiditySchedule(ValidityHours: new ValidityHours(
        [
            new ValidityHoursDaily("09:00", "11:00", [2]),
            new ValidityHoursDaily("17:00", "19:00", [3]),
        ]));

        Assert.Null(schedule.FailureAt(At("2024-06-05T18:00Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-04T18:00Z"), Utc));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Daily_hours_without_days_apply_every_day() =>
        Assert.Null(new ValiditySchedule(ValidityHours: new ValidityHours([new ValidityHoursDaily("09:00", "11:00", null)])).FailureAt(At("2024-06-01T10:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Daily_hours_ending_at_midnight_include_the_last_minute_of_the_day()
    {
        var schedule = new ValiditySchedule(ValidityHours: new ValidityHours([new ValidityHoursDaily("22:00", "00:00", [6])]));

        Assert.Null(schedule.FailureAt(At("2024-06-01T23:59:59Z"), Utc));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-02T00:00Z"), Utc));
    }

    [Fact]
    public void Daily_hours_are_read_on_the_project_wall_clock()
    {
        var schedule = new ValiditySchedule(ValidityHours: new ValidityHours([new ValidityHoursDaily("09:00", "10:00", null)]));

        Assert.Null(schedule.FailureAt(At("2024-06-04T07:30Z"), Warsaw));
        Assert.Equal("voucher_not_active_now", schedule.FailureAt(At("2024-06-04T09:30Z"), Warsaw));
    }

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Date_checks_come_before_recurring_limits_so_an_early_voucher_outside_its_hours_is_not_active() =>
        Assert.Equal("voucher_not_active", (TuesdayAndThursdayMornings with { StartDate = At("2024-07-01T00:00Z") }).FailureAt(At("2024-06-05T10:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Date_checks_come_before_recurring_limits_so_a_late_voucher_outside_its_hours_is_expired() =>
        Assert.Equal("voucher_expired", (TuesdayAndThursdayMornings with { ExpirationDate = At("2024-05-01T00:00Z") }).FailureAt(At("2024-06-05T10:00Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_timeframe_without_a_start_date_fails_closed() =>
        Assert.Equal("voucher_not_active_now", new ValiditySchedule(ValidityTimeframe: new ValidityTimeframe("P1D", "PT1H")).FailureAt(At("2024-06-01T00:30Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void An_unreadable_stored_timeframe_fails_closed() =>
        Assert.Equal("voucher_not_active_now", (EveryOtherDayForAnHour with { ValidityTimeframe = new ValidityTimeframe("every day", "PT1H") }).FailureAt(At("2024-01-01T00:30Z"), Utc));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void An_empty_timeframe_object_does_not_limit_the_voucher() =>
        Assert.Null(new ValiditySchedule(ValidityTimeframe: new ValidityTimeframe(null, null)).FailureAt(At("2024-06-01T10:00Z"), Utc));
}
