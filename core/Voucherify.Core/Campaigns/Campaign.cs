using System.Text.Json.Nodes;
using Voucherify.Core.Lists;
using Voucherify.Core.Vouchers.Validity;

namespace Voucherify.Core.Campaigns;

/// <summary>The campaign as the contract shows it; its voucher template is what every generated code inherits.</summary>
public sealed record Campaign
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public string CampaignType { get; init; } = CampaignTypes.DiscountCoupons;

    public string Type { get; init; } = "AUTO_UPDATE";

    public required CampaignVoucherTemplate Voucher { get; init; }

    public bool AutoJoin { get; init; }

    public bool JoinOnce { get; init; }

    public bool UseVoucherMetadataSchema { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? ExpirationDate { get; init; }

    public ValidityTimeframe? ValidityTimeframe { get; init; }

    public IReadOnlyList<int>? ValidityDayOfWeek { get; init; }

    public ValidityHours? ValidityHours { get; init; }

    public string? ActivityDurationAfterPublishing { get; init; }

    public long VouchersCount { get; init; }

    public bool Active { get; init; } = true;

    public JsonObject Metadata { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Category { get; init; }

    public string? CategoryId { get; init; }

    public IReadOnlyList<JsonObject> Categories { get; init; } = [];

    public string CreationStatus { get; init; } = GenerationStatus.Done;

    public string VouchersGenerationStatus { get; init; } = GenerationStatus.Done;

    public bool Protected { get; init; }

    public DataList<JsonObject> ValidationRulesAssignments { get; init; } = DataList<JsonObject>.Empty;

    /// <summary>The async action generating this campaign's codes, while one runs.</summary>
    public string? AsyncActionId { get; init; }

    public string Object { get; init; } = "campaign";

    public ValiditySchedule Schedule() => new(StartDate, ExpirationDate, ValidityTimeframe, ValidityDayOfWeek, ValidityHours);
}
