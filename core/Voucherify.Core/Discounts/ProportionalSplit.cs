namespace Voucherify.Core.Discounts;

/// <summary>
/// Splits an amount over lines by weight without losing or inventing a cent (SEMANTICS R2.4, PROPOSAL):
/// largest remainder, ties to the earlier line. A line never gets more than its cap; what a capped line
/// cannot take is spread over the others (R2.5, PROPOSAL).
/// </summary>
internal static class ProportionalSplit
{
    public static long[] Split(long amount, IReadOnlyList<long> weights, IReadOnlyList<long> caps)
    {
        var shares = new long[weights.Count];
        var open = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0 && caps[i] > 0).ToList();
        var remaining = Math.Min(amount, open.Sum(i => caps[i]));
        while (remaining > 0 && open.Count > 0)
        {
            var round = LargestRemainder(remaining, [.. open.Select(i => weights[i])]);
            var full = open.Where((line, k) => round[k] > caps[line]).ToList();
            if (full.Count == 0)
            {
                for (var k = 0; k < open.Count; k++)
                {
                    shares[open[k]] = round[k];
                }

                break;
            }

            // The capped lines take their cap; what they leave over is split again among the rest.
            foreach (var line in full)
            {
                remaining -= caps[line];
                shares[line] = caps[line];
            }

            open.RemoveAll(full.Contains);
        }

        return shares;
    }

    /// <summary>Exact integer shares: Int128 holds amount × weight for any two longs, so nothing is rounded twice.</summary>
    private static long[] LargestRemainder(long amount, IReadOnlyList<long> weights)
    {
        Int128 total = weights.Sum();
        var shares = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        var left = amount;
        for (var k = 0; k < weights.Count; k++)
        {
            var product = (Int128)amount * weights[k];
            shares[k] = (long)(product / total);
            remainders[k] = product % total;
            left -= shares[k];
        }

        foreach (var k in Enumerable.Range(0, weights.Count).OrderByDescending(k => remainders[k]).ThenBy(k => k).Take((int)left))
        {
            shares[k]++;
        }

        return shares;
    }
}
