namespace Voucherify.Core.Redemptions;

public static class RedemptionResults
{
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
}
