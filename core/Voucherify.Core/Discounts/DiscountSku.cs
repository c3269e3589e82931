namespace Voucherify.Core.Discounts;

/// <summary>
/// The SKU a UNIT discount gives away. The schema names it <c>name</c>, the real examples <c>sku</c>;
/// both are kept so whatever a client stored comes back.
/// </summary>
public sealed record DiscountSku
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? Name { get; init; }

    public string? Sku { get; init; }
}
