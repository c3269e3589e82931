namespace Voucherify.Core.Vouchers;

/// <summary>voucher.redemption: the limit (null = unlimited) and the count of successful, not rolled back redemptions.</summary>
public sealed record VoucherRedemptionSummary
{
    public const string QuantityPath = "redemption.quantity";
    public const string RedeemedQuantityPath = "redemption.redeemed_quantity";

    public long? Quantity { get; init; }

    public long RedeemedQuantity { get; init; }

    public string Object { get; init; } = "list";

    public string? Url { get; init; }
}
