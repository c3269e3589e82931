namespace Voucherify.Core.Vouchers;

/// <summary>The writable part of voucher.redemption: how many times it may be redeemed (null = unlimited).</summary>
public sealed record VoucherRedemptionLimit
{
    public long? Quantity { get; init; }
}
