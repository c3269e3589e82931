namespace Voucherify.Core.Discounts;

/// <summary>The product a UNIT discount gives away, as the contract echoes it next to <c>unit_type</c>.</summary>
public sealed record DiscountProduct
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? Name { get; init; }
}
