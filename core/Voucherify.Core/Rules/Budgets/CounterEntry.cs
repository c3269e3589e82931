namespace Voucherify.Core.Rules.Budgets;

/// <summary>A journal entry on a counter document: a move whose redemption or rollback record is not yet known to exist.</summary>
public sealed record CounterEntry(string Kind, string RecordId, long Count, long DiscountedAmount, long OrdersAmount, DateTimeOffset At);
