namespace Voucherify.Core.Redemptions;

/// <summary>
/// A counter change on a voucher whose record is not yet known to be written. It is added in the
/// same atomic patch that moves the counter and removed once the record exists; an entry that
/// outlives a crash tells recovery exactly which change to confirm or undo.
/// </summary>
public sealed record PendingUse(string Kind, long Delta, string RecordId, DateTimeOffset At)
{
    public const string Redeem = "redeem";
    public const string Rollback = "rollback";
}
