using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Voucherify.Core.Json;

namespace Voucherify.Core.Orders;

/// <summary>
/// The order as responses echo it, carrying the amount algebra of SEMANTICS R1.4. The sums and totals are
/// derived from the stored parts (amount, order-level discount, the items), so the algebra cannot drift;
/// they are written to the wire and ignored when read back.
/// </summary>
public sealed record OrderCalculated
{
    public string? Id { get; init; }

    public string? SourceId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Status { get; init; }

    // No MinorUnitsConverter on this shape's amounts (nor its items'): it is never read from a client (requests bind
    // OrderRequest, whose amounts keep it) and is written with integers, and without a converter the validate answer's
    // source-generated writer (WireFastPath) covers the order and its items too.

    /// <summary>Null only when nothing in the order is priced.</summary>
    public long? Amount { get; init; }

    /// <summary>The amount before UNIT effects added items; set only once it differs from <see cref="Amount"/>.</summary>
    public long? InitialAmount { get; init; }

    /// <summary>Cumulative order-level discount (gift credits included).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long DiscountAmount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ItemsDiscountAmount => SumOf(Items, static item => item.DiscountAmount);

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long TotalDiscountAmount => checked(DiscountAmount + ItemsDiscountAmount);

    public long? TotalAmount => Amount is { } amount ? checked(amount - TotalDiscountAmount) : null;

    /// <summary>The order-level discount added by this request (or this redeemable).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long AppliedDiscountAmount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ItemsAppliedDiscountAmount => SumOf(Items, static item => item.AppliedDiscountAmount);

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long TotalAppliedDiscountAmount => checked(AppliedDiscountAmount + ItemsAppliedDiscountAmount);

    public IReadOnlyList<OrderItemCalculated> Items { get; init; } = [];

    public JsonObject? Metadata { get; init; }

    public JsonObject? Customer { get; init; }

    public string? CustomerId { get; init; }

    public string? ReferrerId { get; init; }

    public string Object => "order";

    public JsonObject? Redemptions { get; init; }

    /// <summary>The amount validation rules on <c>order.initial_amount</c> compare with.</summary>
    [JsonIgnore]
    public long? OriginalAmount => InitialAmount ?? Amount;

    /// <summary>Normalises a request order (SEMANTICS R1.2, R1.3); the lookup supplies catalog prices for unpriced lines.</summary>
    public static OrderCalculated From(OrderRequest request, Func<OrderItemRequest, CatalogItem?>? catalogLookup = null) =>
        OrderNormalization.Normalize(request, catalogLookup);

    /// <summary>
    /// This order with its applied_* fields measured against an earlier state of the same order: against the state
    /// before one redeemable for that redeemable's echo, against the state at the start of the request for the top level.
    /// Lines are matched by position; effects only ever append lines.
    /// </summary>
    public OrderCalculated WithAppliedSince(OrderCalculated before) => this with
    {
        AppliedDiscountAmount = checked(DiscountAmount - before.DiscountAmount),
        Items = [.. Items.Select((item, index) => item.WithAppliedSince(index < before.Items.Count ? before.Items[index] : null))],
    };

    // A loop over the list, not LINQ's Sum: these run several times for every answer that shows an order (each total
    // reads the items' sums again), and Sum over the interface boxes an enumerator every time.
    private static long SumOf(IReadOnlyList<OrderItemCalculated> items, Func<OrderItemCalculated, long> amount)
    {
        var sum = 0L;
        for (var i = 0; i < items.Count; i++)
        {
            sum = checked(sum + amount(items[i]));
        }

        return sum;
    }
}
