namespace Voucherify.Core.ChangeFeed;

public enum DeliveryOutcome
{
    Skipped,
    Handled,
    Parked,
}
