namespace Voucherify.Floor;

/// <summary>One redemption's rows as the floor writes them: the code's count, a record and an order.</summary>
internal sealed record FloorWrite(string Code, string Id, string Record, string Order)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
