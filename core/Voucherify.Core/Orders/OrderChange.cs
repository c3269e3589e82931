namespace Voucherify.Core.Orders;

/// <summary>What an order write changes, worked out before the write: the recalculated amounts (null: keep them) and the parties.</summary>
public sealed record OrderChange(OrderCalculated? Calculated, string? CustomerId, string? ReferrerId);
