namespace Voucherify.Core.Discounts;

/// <summary>
/// Limits over several lines. When a limit binds, lines are filled in application order and the later
/// ones get what is left (SEMANTICS R2.2, R3.2, PROPOSAL).
/// </summary>
internal static class LineCaps
{
    public static void CapInOrder(long[] values, IEnumerable<int> positions, long? limit)
    {
        if (limit is not { } left)
        {
            return;
        }

        foreach (var position in positions)
        {
            values[position] = Math.Min(values[position], left);
            left -= values[position];
        }
    }

    /// <summary>Each rule entry's aggregated_amount_limit over the lines it matched.</summary>
    public static void CapPerRule(long[] values, IReadOnlyList<MatchedLine> lines)
    {
        foreach (var group in Enumerable.Range(0, lines.Count).GroupBy(k => lines[k].Rule, ReferenceEqualityComparer.Instance))
        {
            CapInOrder(values, group, ((ApplicableItemRule)group.Key!).AggregatedAmountLimit);
        }
    }

    /// <summary>
    /// Units each line may discount: its quantity, at most quantity_limit, and within its rule entry's
    /// aggregated_quantity_limit counted in line order (SEMANTICS R2.3).
    /// </summary>
    public static long[] Units(IReadOnlyList<MatchedLine> lines)
    {
        var used = new Dictionary<ApplicableItemRule, long>(ReferenceEqualityComparer.Instance);
        var units = new long[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            var rule = lines[k].Rule;
            var taken = used.GetValueOrDefault(rule);
            units[k] = Money.NotNegative(Money.Min(lines[k].Quantity, rule.QuantityLimit, rule.AggregatedQuantityLimit - taken));
            used[rule] = taken + units[k];
        }

        return units;
    }
}
