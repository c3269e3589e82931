using Voucherify.Core.Errors;
using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

public sealed class ValidityValidatorTests
{
    private static readonly DateTimeOffset Start = At("2024-01-01T00:00Z");

    private static ApiError Rejection(ValiditySchedule schedule) =>
        Assert.Throws<ApiException>(() => ValidityValidator.Validate(schedule)).Error;

    private static ValiditySchedule Hours(params ValidityHoursDaily[] daily) => new(ValidityHours: new ValidityHours(daily));

    [Fact]
    public void A_schedule_without_limits_is_valid() => ValidityValidator.Validate(new ValiditySchedule());

    [Fact]
    public void A_full_schedule_of_dates_timeframe_and_weekdays_is_valid() =>
        ValidityValidator.Validate(new ValiditySchedule(Start, At("2024-12-31T23:59Z"), new ValidityTimeframe("P2D", "PT1H"), [1, 2, 3, 4, 5]));

    [Fact]
    public void A_rejected_schedule_answers_400_invalid_payload()
    {
        var error = Rejection(new ValiditySchedule(ValidityTimeframe: new ValidityTimeframe("P1D", "PT1H")));

        Assert.Equal((400, "invalid_payload"), (error.Code, error.Key));
    }

    [Fact]
    public void A_timeframe_requires_a_start_date() =>
        Assert.Contains("requires start_date", Rejection(new ValiditySchedule(ValidityTimeframe: new ValidityTimeframe("P1D", "PT1H"))).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void An_empty_timeframe_object_counts_as_no_timeframe() =>
        ValidityValidator.Validate(new ValiditySchedule(ValidityTimeframe: new ValidityTimeframe(null, null)));

    [Theory]
    [InlineData("2D")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P-1D")]
    [InlineData("P1.5D")]
    [InlineData("PT1H2D")]
    [InlineData("P99999999999D")]
    [InlineData("P10001Y")]
    [InlineData("every day")]
    [InlineData("")]
    [InlineData(null)]
    public void A_timeframe_interval_that_is_not_an_iso_8601_duration_is_rejected(string? interval) =>
        Assert.Contains("validity_timeframe.interval", Rejection(new ValiditySchedule(Start, ValidityTimeframe: new ValidityTimeframe(interval, "PT1H"))).Details);

    [Fact]
    public void A_timeframe_duration_that_is_not_an_iso_8601_duration_is_rejected() =>
        Assert.Contains("validity_timeframe.duration", Rejection(new ValiditySchedule(Start, ValidityTimeframe: new ValidityTimeframe("P1D", "1 hour"))).Details);

    [Theory]
    [Trait("Semantics", "PROPOSAL")]
    [InlineData("P0D", "PT1H")]
    [InlineData("P1D", "PT0S")]
    public void A_timeframe_of_zero_length_is_rejected(string interval, string duration) =>
        Assert.Contains("longer than zero", Rejection(new ValiditySchedule(Start, ValidityTimeframe: new ValidityTimeframe(interval, duration))).Details);

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    public void A_weekday_outside_zero_to_six_is_rejected(int day) =>
        Assert.Contains("validity_day_of_week", Rejection(new ValiditySchedule(ValidityDayOfWeek: [1, day])).Details);

    [Fact]
    public void An_expiration_before_the_start_is_rejected() =>
        Assert.Contains("expiration_date", Rejection(new ValiditySchedule(Start, Start.AddTicks(-1))).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void An_expiration_equal_to_the_start_is_accepted() => ValidityValidator.Validate(new ValiditySchedule(Start, Start));

    [Theory]
    [InlineData("9:00")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("ab:cd")]
    [InlineData("12:00:00")]
    [InlineData("-1:00")]
    [InlineData(null)]
    public void A_daily_start_time_not_in_hh_mm_is_rejected(string? start) =>
        Assert.Contains("start_time", Rejection(Hours(new ValidityHoursDaily(start, "23:00", [1]))).Details);

    [Theory]
    [InlineData("24:01")]
    [InlineData("25:00")]
    [InlineData("1100")]
    [InlineData(null)]
    public void A_daily_expiration_time_not_in_hh_mm_is_rejected(string? expiration) =>
        Assert.Contains("expiration_time", Rejection(Hours(new ValidityHoursDaily("09:00", expiration, [1]))).Details);

    [Theory]
    [Trait("Semantics", "PROPOSAL")]
    [InlineData("11:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("22:00", "02:00")]
    public void A_daily_window_that_does_not_end_after_it_starts_is_rejected(string start, string expiration) =>
        Assert.Contains("must be after start_time", Rejection(Hours(new ValidityHoursDaily(start, expiration, [1]))).Details);

    [Theory]
    [Trait("Semantics", "PROPOSAL")]
    [InlineData("00:00")]
    [InlineData("24:00")]
    public void A_daily_window_may_end_at_midnight(string expiration) =>
        ValidityValidator.Validate(Hours(new ValidityHoursDaily("18:00", expiration, [5])));

    [Fact]
    public void A_daily_weekday_outside_zero_to_six_is_rejected() =>
        Assert.Contains("days_of_week", Rejection(Hours(new ValidityHoursDaily("09:00", "10:00", [7]))).Details);

    [Fact]
    public void A_missing_daily_entry_is_rejected() =>
        Assert.Contains("validity_hours.daily", Rejection(Hours([null!])).Details);

    [Fact]
    public void Daily_entries_that_overlap_on_a_shared_day_are_rejected() =>
        Assert.Contains("must not overlap", Rejection(Hours(new ValidityHoursDaily("09:00", "11:00", [2]), new ValidityHoursDaily("10:00", "12:00", [2, 3]))).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void A_daily_entry_for_every_day_overlaps_any_other_entry_at_the_same_time() =>
        Assert.Contains("must not overlap", Rejection(Hours(new ValidityHoursDaily("09:00", "11:00", null), new ValidityHoursDaily("10:30", "12:00", [6]))).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Daily_entries_that_touch_end_to_start_do_not_overlap() =>
        ValidityValidator.Validate(Hours(new ValidityHoursDaily("09:00", "11:00", [2]), new ValidityHoursDaily("11:00", "13:00", [2])));

    [Fact]
    public void Daily_entries_at_the_same_time_on_different_days_do_not_overlap() =>
        ValidityValidator.Validate(Hours(new ValidityHoursDaily("09:00", "11:00", [2]), new ValidityHoursDaily("10:00", "12:00", [3])));

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Validity_hours_cannot_be_combined_with_a_timeframe() =>
        Assert.Contains("cannot be combined", Rejection(Hours(new ValidityHoursDaily("09:00", "11:00", [2])) with
        {
            StartDate = Start,
            ValidityTimeframe = new ValidityTimeframe("P1D", "PT1H"),
        }).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Validity_hours_cannot_be_combined_with_weekdays() =>
        Assert.Contains("cannot be combined", Rejection(Hours(new ValidityHoursDaily("09:00", "11:00", [2])) with { ValidityDayOfWeek = [2] }).Details);

    [Fact]
    [Trait("Semantics", "PROPOSAL")]
    public void Validity_hours_with_no_entries_combine_with_anything() =>
        ValidityValidator.Validate(new ValiditySchedule(Start, null, new ValidityTimeframe("P1D", "PT1H"), [1], new ValidityHours([])));

    [Fact]
    public void Find_problem_returns_null_for_a_valid_schedule() => Assert.Null(ValidityValidator.FindProblem(new ValiditySchedule(Start)));
}
