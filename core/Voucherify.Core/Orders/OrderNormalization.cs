using Voucherify.Core.Errors;

namespace Voucherify.Core.Orders;

/// <summary>SEMANTICS R1.2 (item prices and amounts) and R1.3 (order amount) for a request order.</summary>
internal static class OrderNormalization
{
    /// <summary>The contract's limit on order lines.</summary>
    public const int MaxItems = 500;

    public static OrderCalculated Normalize(OrderRequest request, Func<OrderItemRequest, CatalogItem?>? catalogLookup)
    {
        var requested = request.Items ?? [];
        if (requested.Count > MaxItems)
        {
            throw Problems.InvalidPayload($"order.items may hold at most {MaxItems} items, got {requested.Count}.");
        }

        NotNegative(request.Amount, "order.amount");
        try
        {
            var items = requested.Select((item, index) => NormalizeItem(item, index, catalogLookup)).ToList();
            return new OrderCalculated
            {
                Id = request.Id,
                SourceId = request.SourceId,
                Status = request.Status,
                Amount = request.Amount ?? SumKnown(items),
                Items = items,
                Metadata = request.Metadata,
            };
        }
        catch (OverflowException)
        {
            throw Problems.InvalidPayload("order amounts are too large: price × quantity or their sum exceeds the supported range.");
        }
    }

    private static OrderItemCalculated NormalizeItem(OrderItemRequest? item, int index, Func<OrderItemRequest, CatalogItem?>? catalogLookup)
    {
        if (item is null)
        {
            throw Problems.InvalidPayload($"order.items[{index}] must be an object.");
        }

        Check(item, index);
        var catalog = item.Price is null || item.Product is null || item.Sku is null ? catalogLookup?.Invoke(item) : null;
        var price = item.Price ?? catalog?.Price;
        var quantity = item.Quantity ?? 1;
        return new OrderItemCalculated
        {
            SourceId = item.SourceId,
            RelatedObject = item.RelatedObject,
            ProductId = item.ProductId,
            SkuId = item.SkuId,
            Quantity = quantity,
            Price = price,
            Amount = item.Amount ?? (price is { } known ? checked(known * quantity) : null),
            Product = item.Product ?? catalog?.Product,
            Sku = item.Sku ?? catalog?.Sku,
            Metadata = item.Metadata,
        };
    }

    // The item's path is spelled out only for an error: every line of every validate and redeem passes this check.
    private static void Check(OrderItemRequest item, int index)
    {
        NotNegative(item.Quantity, index, "quantity");
        NotNegative(item.Price, index, "price");
        NotNegative(item.Amount, index, "amount");
        if (item.RelatedObject is not (null or "product" or "sku"))
        {
            throw Problems.InvalidPayload($"order.items[{index}].related_object must be 'product' or 'sku', got '{item.RelatedObject}'.");
        }
    }

    private static void NotNegative(long? value, int index, string field)
    {
        if (value < 0)
        {
            NotNegative(value, $"order.items[{index}].{field}");
        }
    }

    private static void NotNegative(long? value, string path)
    {
        if (value < 0)
        {
            throw Problems.InvalidPayload($"{path} must not be negative, got {value}.");
        }
    }

    private static long? SumKnown(IReadOnlyList<OrderItemCalculated> items) =>
        items.Any(item => item.Amount is not null) ? items.Sum(item => item.Amount ?? 0) : null;
}
