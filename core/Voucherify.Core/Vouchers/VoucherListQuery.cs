using Voucherify.Core.Lists;

namespace Voucherify.Core.Vouchers;

/// <summary>GET /v1/vouchers filters, already parsed.</summary>
public sealed record VoucherListQuery(Paging Paging)
{
    public string? CampaignName { get; init; }

    public string? CampaignId { get; init; }

    public string? Category { get; init; }

    public string? HolderId { get; init; }

    public string? Code { get; init; }

    public IReadOnlyList<string> Ids { get; init; } = [];

    public DateRange CreatedAt { get; init; } = new(null, null);

    public DateRange UpdatedAt { get; init; } = new(null, null);

    public string Order { get; init; } = "-created_at";
}
