using Voucherify.Core.Lists;

namespace Voucherify.Core.Products;

/// <summary>GET /v1/products and GET /v1/products/{id}/skus: paging, order and a created_at window (start_date, end_date).</summary>
public sealed record CatalogListQuery(Paging Paging)
{
    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public string Order { get; init; } = "-created_at";
}
