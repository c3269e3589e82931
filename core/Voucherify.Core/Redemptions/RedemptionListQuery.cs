using Voucherify.Core.Lists;

namespace Voucherify.Core.Redemptions;

/// <summary>GET /v1/redemptions filters, already parsed.</summary>
public sealed record RedemptionListQuery(Paging Paging)
{
    public IReadOnlyList<string> Results { get; init; } = [];

    public string? CampaignName { get; init; }

    public string? Customer { get; init; }

    public DateRange CreatedAt { get; init; } = new(null, null);

    public IReadOnlyList<FieldFilter> Filters { get; init; } = [];

    public string Junction { get; init; } = "and";

    public string Order { get; init; } = "-created_at";
}
