namespace Voucherify.Core.Idempotency;

public static class IdempotencyStatuses
{
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
}
