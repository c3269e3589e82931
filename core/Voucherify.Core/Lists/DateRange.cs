using Voucherify.Core.Json;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Lists;

/// <summary>The contract's created_at[before]/created_at[after] filters.</summary>
public sealed record DateRange(DateTimeOffset? Before, DateTimeOffset? After)
{
    public IEnumerable<Condition> Conditions(string path)
    {
        if (Before is { } before)
        {
            yield return Condition.Less(path, Timestamps.Format(before));
        }

        if (After is { } after)
        {
            yield return Condition.Greater(path, Timestamps.Format(after));
        }
    }
}
