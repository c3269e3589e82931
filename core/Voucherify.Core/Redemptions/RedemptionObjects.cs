namespace Voucherify.Core.Redemptions;

public static class RedemptionObjects
{
    public const string Redemption = "redemption";
    public const string Rollback = "redemption_rollback";
}
