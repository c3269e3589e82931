using System.Text.Json.Nodes;
using Voucherify.Core.Vouchers.Validity;

namespace Voucherify.Core.Campaigns;

/// <summary>The body of POST /v1/campaigns for a DISCOUNT_COUPONS campaign.</summary>
public sealed record CampaignCreateRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? CampaignType { get; init; }

    public string? Type { get; init; }

    public CampaignVoucherTemplate? Voucher { get; init; }

    public long? VouchersCount { get; init; }

    public bool? AutoJoin { get; init; }

    public bool? JoinOnce { get; init; }

    public bool? UseVoucherMetadataSchema { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? ExpirationDate { get; init; }

    public ValidityTimeframe? ValidityTimeframe { get; init; }

    public IReadOnlyList<int>? ValidityDayOfWeek { get; init; }

    public ValidityHours? ValidityHours { get; init; }

    public string? ActivityDurationAfterPublishing { get; init; }

    public bool? Active { get; init; }

    public JsonObject? Metadata { get; init; }

    public string? Category { get; init; }

    public string? CategoryId { get; init; }

    public IReadOnlyList<string>? ValidationRules { get; init; }
}
