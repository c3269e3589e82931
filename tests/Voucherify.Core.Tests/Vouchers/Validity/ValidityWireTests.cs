using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

public sealed class ValidityWireTests
{
    private const string VoucherLimits = """
        {
          "start_date": "2024-01-01T00:00:00.000Z",
          "expiration_date": "2024-12-31T23:59:59.000Z",
          "validity_timeframe": { "interval": "P2D", "duration": "PT1H" },
          "validity_day_of_week": [1, 2, 3],
          "validity_hours": { "daily": [ { "start_time": "09:00", "expiration_time": "11:00", "days_of_week": [2, 4] } ] }
        }
        """;

    [Fact]
    public void A_schedule_reads_the_voucher_fields_in_snake_case()
    {
        var schedule = JsonSerializer.Deserialize<ValiditySchedule>(VoucherLimits, Wire.Options)!;

        Assert.Equal(At("2024-01-01T00:00Z"), schedule.StartDate);
        Assert.Equal(new ValidityTimeframe("P2D", "PT1H"), schedule.ValidityTimeframe);
        Assert.Equal([1, 2, 3], schedule.ValidityDayOfWeek!);
        Assert.Equal([2, 4], schedule.ValidityHours!.Daily![0].DaysOfWeek!);
        Assert.Equal("11:00", schedule.ValidityHours.Daily[0].ExpirationTime);
    }

    [Fact]
    public void A_schedule_writes_the_voucher_fields_in_snake_case_without_derived_flags()
    {
        var json = JsonSerializer.Serialize(JsonSerializer.Deserialize<ValiditySchedule>(VoucherLimits, Wire.Options), Wire.Options);

        Assert.Contains("\"validity_hours\":{\"daily\":[{\"start_time\":\"09:00\",\"expiration_time\":\"11:00\",\"days_of_week\":[2,4]}]}", json);
        Assert.Contains("\"start_date\":\"2024-01-01T00:00:00.000Z\"", json);
        Assert.DoesNotContain("has_", json);
    }
}
