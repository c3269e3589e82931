namespace Voucherify.Core.Orders;

/// <summary>
/// What the product catalog knows about an order line or a free unit: its price and the details to echo.
/// The caller resolves it (SKU first, then product), so calculation stays free of I/O.
/// </summary>
public sealed record CatalogItem
{
    public string? ProductId { get; init; }

    public string? SkuId { get; init; }

    public long? Price { get; init; }

    public OrderItemProduct? Product { get; init; }

    public OrderItemSku? Sku { get; init; }
}
