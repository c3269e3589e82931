using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Vouchers;
using Voucherify.Core.Vouchers.Codes;

namespace Voucherify.Core.Campaigns;

/// <summary>campaign.voucher: the definition every code of the campaign is made from.</summary>
public sealed record CampaignVoucherTemplate
{
    public string Type { get; init; } = VoucherTypes.Discount;

    public Discount? Discount { get; init; }

    public VoucherRedemptionLimit? Redemption { get; init; }

    public CodeConfig? CodeConfig { get; init; }

    public bool IsReferralCode { get; init; }

    public JsonObject? Metadata { get; init; }
}
