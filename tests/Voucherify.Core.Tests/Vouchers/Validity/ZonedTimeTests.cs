using Voucherify.Core.Vouchers.Validity;
using static Voucherify.Core.Tests.Vouchers.Validity.Zones;

namespace Voucherify.Core.Tests.Vouchers.Validity;

public sealed class ZonedTimeTests
{
    [Fact]
    public void An_ordinary_wall_clock_time_resolves_to_its_one_instant() =>
        Assert.Equal(At("2024-06-01T10:00+02:00"), ZonedTime.Resolve(new DateTime(2024, 6, 1, 10, 0, 0), Warsaw));

    [Fact]
    public void A_wall_clock_time_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        var resolved = ZonedTime.Resolve(new DateTime(2024, 3, 31, 2, 30, 0), Warsaw);

        Assert.Equal(At("2024-03-31T03:30+02:00"), resolved);
        Assert.Equal(TimeSpan.FromHours(2), resolved.Offset);
    }

    [Fact]
    public void A_wall_clock_time_repeated_by_fall_back_resolves_to_its_first_occurrence()
    {
        var resolved = ZonedTime.Resolve(new DateTime(2024, 11, 3, 1, 30, 0), NewYork);

        Assert.Equal(At("2024-11-03T01:30-04:00"), resolved);
        Assert.Equal(TimeSpan.FromHours(-4), resolved.Offset);
    }

    [Fact]
    public void The_wall_clock_of_an_instant_is_its_local_time_in_the_zone() =>
        Assert.Equal(new DateTime(2024, 10, 27, 2, 30, 0), ZonedTime.WallClock(At("2024-10-27T01:30Z"), Warsaw));

    [Fact]
    public void Utc_needs_no_resolution() =>
        Assert.Equal(At("2024-03-31T02:30Z"), ZonedTime.Resolve(new DateTime(2024, 3, 31, 2, 30, 0), Utc));
}
