using Voucherify.Core.Lists;

namespace Voucherify.Core.Campaigns;

/// <summary>GET /v1/campaigns filters, already parsed.</summary>
public sealed record CampaignListQuery(Paging Paging)
{
    public string? CampaignType { get; init; }

    public string Order { get; init; } = "-created_at";
}
