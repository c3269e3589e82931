namespace Voucherify.Core.Redemptions;

/// <summary>The rollback started on a redemption and not yet confirmed, with what recovery needs to finish it.</summary>
public sealed record PendingRollback(string RollbackId, DateTimeOffset At, string? Reason, string? TrackingId);
