namespace Voucherify.Core.Vouchers;

public static class VoucherTypes
{
    public const string Discount = "DISCOUNT_VOUCHER";
    public const string Gift = "GIFT_VOUCHER";
    public const string LoyaltyCard = "LOYALTY_CARD";
}
