using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Vouchers.Validity;

namespace Voucherify.Core.Vouchers;

/// <summary>Turns a create request into a voucher, rejecting what the contract does not allow.</summary>
public static class VoucherFactory
{
    public const int MaxCodeLength = 100;

    public static Voucher Create(VoucherCreateRequest request, string code, DateTimeOffset now)
    {
        ValidateCode(code);
        var type = request.Type ?? VoucherTypes.Discount;
        if (type != VoucherTypes.Discount)
        {
            throw Problems.InvalidPayload($"type {type} is not supported yet; use {VoucherTypes.Discount}.");
        }

        if (request.Discount is null)
        {
            throw Problems.InvalidPayload("discount is required for a DISCOUNT_VOUCHER.");
        }

        request.Discount.Validate();
        ValidateQuantity(request.Redemption?.Quantity);
        var voucher = new Voucher
        {
            Id = IdGenerator.New(IdPrefixes.Voucher, 32),
            Code = code,
            Campaign = request.Campaign,
            CampaignId = request.CampaignId,
            Category = request.Category,
            CategoryId = request.CategoryId,
            Type = type,
            Discount = request.Discount,
            StartDate = request.StartDate,
            ExpirationDate = request.ExpirationDate,
            ValidityTimeframe = request.ValidityTimeframe,
            ValidityDayOfWeek = request.ValidityDayOfWeek,
            ValidityHours = request.ValidityHours,
            Active = request.Active ?? true,
            AdditionalInfo = request.AdditionalInfo,
            Metadata = request.Metadata ?? [],
            CreatedAt = now,
            Redemption = new VoucherRedemptionSummary { Quantity = request.Redemption?.Quantity, Url = RedemptionsUrl(code) },
            Publish = new VoucherPublishSummary { Url = PublicationsUrl(code) },
        };
        ValidityValidator.Validate(voucher.Schedule());
        return voucher;
    }

    public static void ValidateCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || code.Any(c => char.IsControl(c) || c == '/' || c == '\\' || c == '?' || c == '#' || char.IsWhiteSpace(c)))
        {
            throw Problems.InvalidPayload($"code must be 1 to {MaxCodeLength} characters without whitespace, control characters, '/', '\\', '?' or '#'.");
        }
    }

    public static void ValidateQuantity(long? quantity)
    {
        if (quantity is < 0)
        {
            throw Problems.InvalidPayload("redemption.quantity must be null (unlimited) or a non-negative integer.");
        }
    }

    public static string RedemptionsUrl(string code) => $"/v1/vouchers/{Uri.EscapeDataString(code)}/redemptions?page=1&limit=10";

    public static string PublicationsUrl(string code) => $"/v1/vouchers/{Uri.EscapeDataString(code)}/publications?page=1&limit=10";
}
