namespace Voucherify.Core.Campaigns;

public static class GenerationStatus
{
    public const string Done = "DONE";
    public const string InProgress = "IN_PROGRESS";
    public const string Failed = "FAILED";
}
