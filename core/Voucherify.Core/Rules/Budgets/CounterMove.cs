using System.Text.Json.Serialization;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Budgets;

/// <summary>
/// What one redemption adds to one counter document, and the bounds that must still hold when it is added. Stored in the
/// redemption record (so a rollback gives back exactly this) and as the journal entry on the counter (so recovery can undo it).
/// </summary>
public sealed record CounterMove(string CounterId, long Count, long DiscountedAmount, long OrdersAmount)
{
    [JsonIgnore]
    public IReadOnlyList<Condition> Guards { get; init; } = [];

    public CounterMove Negated() => new(CounterId, -Count, -DiscountedAmount, -OrdersAmount);
}
