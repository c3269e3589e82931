namespace Voucherify.Core.Campaigns;

public static class CampaignTypes
{
    public const string DiscountCoupons = "DISCOUNT_COUPONS";
    public const string AutoUpdate = "AUTO_UPDATE";
    public const string Static = "STATIC";
}
