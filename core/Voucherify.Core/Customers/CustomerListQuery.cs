using Voucherify.Core.Lists;

namespace Voucherify.Core.Customers;

/// <summary>GET /v1/customers filters, already parsed.</summary>
public sealed record CustomerListQuery(Paging Paging)
{
    public string? Email { get; init; }

    public string? City { get; init; }

    public string? Name { get; init; }

    public string? SegmentId { get; init; }

    public DateRange CreatedAt { get; init; } = new(null, null);

    public DateRange UpdatedAt { get; init; } = new(null, null);

    /// <summary>The contract's cursor: customers created before it (descending), or after it when sorted ascending by a date.</summary>
    public DateTimeOffset? StartingAfter { get; init; }

    public string Order { get; init; } = "-created_at";
}
