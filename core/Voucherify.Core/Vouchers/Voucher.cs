using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Lists;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Core.Vouchers.Validity;

namespace Voucherify.Core.Vouchers;

/// <summary>
/// The voucher as the contract shows it. The stored document is this object, so a read is one
/// point lookup and no mapping; counters live in <see cref="Redemption"/> and change only by
/// guarded patches.
/// </summary>
public sealed record Voucher
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public string? Campaign { get; init; }

    public string? CampaignId { get; init; }

    public string? Category { get; init; }

    public string? CategoryId { get; init; }

    public IReadOnlyList<JsonObject> Categories { get; init; } = [];

    public string Type { get; init; } = VoucherTypes.Discount;

    public Discount? Discount { get; init; }

    public JsonObject? Gift { get; init; }

    public JsonObject? LoyaltyCard { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? ExpirationDate { get; init; }

    public ValidityTimeframe? ValidityTimeframe { get; init; }

    public IReadOnlyList<int>? ValidityDayOfWeek { get; init; }

    public ValidityHours? ValidityHours { get; init; }

    public bool Active { get; init; } = true;

    public string? AdditionalInfo { get; init; }

    public JsonObject Metadata { get; init; } = [];

    public VoucherAssets? Assets { get; init; }

    public bool IsReferralCode { get; init; }

    public string? HolderId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public VoucherRedemptionSummary Redemption { get; init; } = new();

    public VoucherPublishSummary Publish { get; init; } = new();

    public DataList<JsonObject> ValidationRulesAssignments { get; init; } = DataList<JsonObject>.Empty;

    public string Object { get; init; } = "voucher";

    public ValiditySchedule Schedule() => new(StartDate, ExpirationDate, ValidityTimeframe, ValidityDayOfWeek, ValidityHours);
}
