namespace Voucherify.Core.Idempotency;

/// <summary>Either this request owns the key and runs, or it gets the first request's stored answer.</summary>
public sealed record IdempotencyClaim(bool Owned, IdempotencyRecord Record)
{
    public bool IsReplay => !Owned;
}
