using System.Text.Json.Nodes;
using Voucherify.Core.Orders;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// Everything rule names read, loaded before evaluation so that evaluating is synchronous. The current line and the
/// current assignment are set while nested order.items rules and one assignment's rules are evaluated.
/// </summary>
public sealed class RuleContext(JsonObject? customer, OrderCalculated order, IReadOnlyList<CartLine> lines, JsonObject? redemptionMetadata, RuleCounters counters)
{
    public JsonObject? Customer { get; } = customer;

    public OrderCalculated Order { get; } = order;

    public IReadOnlyList<CartLine> Lines { get; } = lines;

    public JsonObject? RedemptionMetadata { get; } = redemptionMetadata;

    public RuleCounters Counters { get; } = counters;

    public CartLine? Line { get; internal set; }

    /// <summary>The references of the order.items rule being evaluated, for the aggregated_* sub-rules.</summary>
    public IReadOnlyList<RuleValue> Targets { get; internal set; } = [];

    /// <summary>The voucher or campaign the rule set being evaluated is assigned to.</summary>
    public string? RelatedObjectId { get; set; }
}
