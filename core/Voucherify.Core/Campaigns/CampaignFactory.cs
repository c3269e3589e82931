using Voucherify.Core.Vouchers.Validity;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Vouchers;
using Voucherify.Core.Vouchers.Codes;

namespace Voucherify.Core.Campaigns;

/// <summary>Turns a create request into a campaign, rejecting what the contract does not allow.</summary>
public static class CampaignFactory
{
    public const int MaxNameLength = 200;
    public const long MaxVouchersCount = 10_000_000;

    public static Campaign Create(CampaignCreateRequest request, DateTimeOffset now)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw Problems.InvalidPayload($"name is required: 1 to {MaxNameLength} printable characters.");
        }

        if ((request.CampaignType ?? CampaignTypes.DiscountCoupons) != CampaignTypes.DiscountCoupons)
        {
            throw Problems.InvalidPayload($"campaign_type {request.CampaignType} is not supported yet; use {CampaignTypes.DiscountCoupons}.");
        }

        var type = request.Type ?? CampaignTypes.AutoUpdate;
        if (type is not (CampaignTypes.AutoUpdate or CampaignTypes.Static))
        {
            throw Problems.InvalidPayload("type must be AUTO_UPDATE or STATIC.");
        }

        if (request.VouchersCount is < 0 or > MaxVouchersCount)
        {
            throw Problems.InvalidPayload($"vouchers_count must be from 0 to {MaxVouchersCount}.");
        }

        var template = CheckTemplate(request.Voucher);
        new CodeGenerator(template.CodeConfig).EnsureCanProduce(request.VouchersCount ?? 0);
        var campaign = new Campaign
        {
            Id = IdGenerator.New(IdPrefixes.Campaign, 24),
            Name = name,
            Description = request.Description,
            Type = type,
            Voucher = template,
            AutoJoin = request.AutoJoin ?? false,
            JoinOnce = request.JoinOnce ?? false,
            UseVoucherMetadataSchema = request.UseVoucherMetadataSchema ?? false,
            StartDate = request.StartDate,
            ExpirationDate = request.ExpirationDate,
            ValidityTimeframe = request.ValidityTimeframe,
            ValidityDayOfWeek = request.ValidityDayOfWeek,
            ValidityHours = request.ValidityHours,
            ActivityDurationAfterPublishing = request.ActivityDurationAfterPublishing,
            Active = request.Active ?? true,
            Metadata = request.Metadata ?? [],
            Category = request.Category,
            CategoryId = request.CategoryId,
            CreatedAt = now,
        };
        ValidityValidator.Validate(campaign.Schedule());
        return campaign;
    }

    public static CampaignVoucherTemplate CheckTemplate(CampaignVoucherTemplate? template)
    {
        if (template?.Discount is null)
        {
            throw Problems.InvalidPayload("voucher.discount is required for a DISCOUNT_COUPONS campaign.");
        }

        if (template.Type != VoucherTypes.Discount)
        {
            throw Problems.InvalidPayload($"voucher.type must be {VoucherTypes.Discount} in a DISCOUNT_COUPONS campaign.");
        }

        template.Discount.Validate();
        CodeGenerator.Validate(template.CodeConfig);
        VoucherFactory.ValidateQuantity(template.Redemption?.Quantity);
        return template;
    }
}
