namespace Voucherify.Core.Redemptions;

/// <summary>The answer of GET /v1/vouchers/{code}/redemption.</summary>
public sealed record VoucherRedemptions
{
    public const int MaxEntries = 1000;

    public long? Quantity { get; init; }

    public long RedeemedQuantity { get; init; }

    public string Object { get; init; } = "list";

    public string? Url { get; init; }

    public string DataRef { get; init; } = "redemption_entries";

    public long Total { get; init; }

    public IReadOnlyList<Redemption> RedemptionEntries { get; init; } = [];
}
