namespace Voucherify.Core.Redemptions;

public static class RedemptionStatuses
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string RolledBack = "ROLLED_BACK";
}
