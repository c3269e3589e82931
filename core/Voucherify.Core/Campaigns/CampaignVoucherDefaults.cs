using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Campaigns;

/// <summary>A voucher made in a campaign takes what the request leaves out from the campaign and its template.</summary>
public static class CampaignVoucherDefaults
{
    public static VoucherCreateRequest Apply(Campaign campaign, VoucherCreateRequest request) => request with
    {
        Campaign = campaign.Name,
        CampaignId = campaign.Id,
        Type = request.Type ?? campaign.Voucher.Type,
        Discount = request.Discount ?? campaign.Voucher.Discount,
        Redemption = request.Redemption ?? campaign.Voucher.Redemption,
        CodeConfig = request.CodeConfig ?? campaign.Voucher.CodeConfig,
        Category = request.Category ?? campaign.Category,
        CategoryId = request.CategoryId ?? campaign.CategoryId,
        StartDate = request.StartDate ?? campaign.StartDate,
        ExpirationDate = request.ExpirationDate ?? campaign.ExpirationDate,
        ValidityTimeframe = request.ValidityTimeframe ?? campaign.ValidityTimeframe,
        ValidityDayOfWeek = request.ValidityDayOfWeek ?? campaign.ValidityDayOfWeek,
        ValidityHours = request.ValidityHours ?? campaign.ValidityHours,
        Metadata = request.Metadata ?? campaign.Voucher.Metadata?.DeepClone().AsObject(),
    };
}
