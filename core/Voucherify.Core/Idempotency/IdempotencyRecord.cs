namespace Voucherify.Core.Idempotency;

/// <summary>
/// The first request made with an Idempotency-Key and, once it finished, its answer, which every
/// retry with the same key gets back instead of doing the work again (Stripe's model).
/// </summary>
public sealed record IdempotencyRecord
{
    public required string Key { get; init; }

    public required string Fingerprint { get; init; }

    public string Status { get; init; } = IdempotencyStatuses.InProgress;

    public int? ResponseStatus { get; init; }

    public string? ResponseBody { get; init; }

    public DateTimeOffset StartedAt { get; init; }
}
