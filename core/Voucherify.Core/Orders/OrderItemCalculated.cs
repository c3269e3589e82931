using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>
/// An order line as responses echo it. Discount counters that are zero are left out, as the contract's
/// examples do; <see cref="SubtotalAmount"/> is derived, so it always agrees with amount and discount.
/// </summary>
public sealed record OrderItemCalculated
{
    public string Object => "order_item";

    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public string? RelatedObject { get; init; }

    public string? ProductId { get; init; }

    public string? SkuId { get; init; }

    public long? Quantity { get; init; }

    /// <summary>Units discounted on this line so far (UNIT and per-unit effects).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long DiscountQuantity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long AppliedDiscountQuantity { get; init; }

    /// <summary>The quantity before any UNIT effect added to it; 0 for a line a UNIT effect created.</summary>
    public long? InitialQuantity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long AppliedQuantity { get; init; }

    public long? Amount { get; init; }

    /// <summary>Cumulative item-level discount on this line.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long DiscountAmount { get; init; }

    /// <summary>The part of <see cref="DiscountAmount"/> added by this request (or this redeemable).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long AppliedDiscountAmount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long AppliedQuantityAmount { get; init; }

    public long? InitialAmount { get; init; }

    public long? Price { get; init; }

    /// <summary>amount − discount_amount (SEMANTICS R1.4 follows SimpleOrderItem, not OrderCalculatedItem).</summary>
    public long? SubtotalAmount => Amount is { } amount ? checked(amount - DiscountAmount) : null;

    public OrderItemProduct? Product { get; init; }

    public OrderItemSku? Sku { get; init; }

    public JsonObject? Metadata { get; init; }

    /// <summary>This line's applied_* fields relative to its state before (null: the line did not exist).</summary>
    public OrderItemCalculated WithAppliedSince(OrderItemCalculated? before) => this with
    {
        AppliedDiscountAmount = checked(DiscountAmount - (before?.DiscountAmount ?? 0)),
        AppliedDiscountQuantity = checked(DiscountQuantity - (before?.DiscountQuantity ?? 0)),
        AppliedQuantity = checked((Quantity ?? 0) - (before?.Quantity ?? 0)),
        AppliedQuantityAmount = checked((Amount ?? 0) - (before?.Amount ?? 0)),
    };
}
