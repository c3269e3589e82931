using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Vouchers.Codes;
using Voucherify.Core.Vouchers.Validity;

namespace Voucherify.Core.Vouchers;

/// <summary>The body of POST /v1/vouchers and POST /v1/vouchers/{code}; also one entry of an import.</summary>
public sealed record VoucherCreateRequest
{
    public string? Code { get; init; }

    public CodeConfig? CodeConfig { get; init; }

    public string? Type { get; init; }

    public string? Campaign { get; init; }

    public string? CampaignId { get; init; }

    public string? Category { get; init; }

    public string? CategoryId { get; init; }

    public Discount? Discount { get; init; }

    public JsonObject? Gift { get; init; }

    public JsonObject? LoyaltyCard { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? ExpirationDate { get; init; }

    public ValidityTimeframe? ValidityTimeframe { get; init; }

    public IReadOnlyList<int>? ValidityDayOfWeek { get; init; }

    public ValidityHours? ValidityHours { get; init; }

    public bool? Active { get; init; }

    public string? AdditionalInfo { get; init; }

    public JsonObject? Metadata { get; init; }

    public IReadOnlyList<string>? ValidationRules { get; init; }

    public VoucherRedemptionLimit? Redemption { get; init; }
}
