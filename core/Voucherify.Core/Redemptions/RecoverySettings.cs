namespace Voucherify.Core.Redemptions;

/// <summary>
/// GracePeriod must exceed the longest a redemption request may take, so recovery never undoes a
/// redemption still in flight; Interval is how often the worker looks.
/// </summary>
public sealed record RecoverySettings(TimeSpan GracePeriod, TimeSpan Interval)
{
    public static RecoverySettings Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));
}
