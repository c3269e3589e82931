namespace Voucherify.Core.AsyncActions;

public static class AsyncActionStatuses
{
    public const string Enqueued = "ENQUEUED";
    public const string InProgress = "IN_PROGRESS";
    public const string Done = "DONE";
    public const string Failed = "FAILED";
}
