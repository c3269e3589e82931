namespace Voucherify.Core.Vouchers;

public sealed record VoucherPublishSummary
{
    public string Object { get; init; } = "list";

    public long Count { get; init; }

    public string? Url { get; init; }
}
