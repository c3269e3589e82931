using CsCheck;
using Voucherify.Core.Discounts;

namespace Voucherify.Core.Tests.Discounts;

public sealed class ProportionalSplitTests
{
    [Fact]
    public void Shares_add_up_to_what_the_lines_can_take_and_stay_within_their_caps()
    {
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Select(Gen.Long[0, 50], Gen.Long[0, 100_000]).Array[1, 10]).Sample((amount, lines) =>
        {
            var weights = lines.Select(line => line.Item1).ToArray();
            var caps = lines.Select(line => line.Item2).ToArray();

            var shares = ProportionalSplit.Split(amount, weights, caps);

            var capacity = lines.Where(line => line.Item1 > 0).Sum(line => line.Item2);
            Assert.Equal(Math.Min(amount, capacity), shares.Sum());
            Assert.All(Enumerable.Range(0, lines.Length), k => Assert.InRange(shares[k], 0, weights[k] == 0 ? 0 : caps[k]));
        }, iter: 5_000);
    }

    [Fact]
    public void Weights_near_the_limit_of_money_split_exactly()
    {
        var shares = ProportionalSplit.Split(long.MaxValue, [long.MaxValue / 3, long.MaxValue / 3], [long.MaxValue / 2, long.MaxValue / 2]);

        Assert.Equal(long.MaxValue - 1, shares.Sum());
    }
}
