using System.Text.Json.Nodes;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// The contract's rule names this engine answers, each bound to what it reads. Names whose data does not exist here
/// (loyalty, gift cards, API keys, daily and monthly windows, publications, custom events) are refused when the rule is
/// saved rather than silently passing.
/// </summary>
public static class RuleNames
{
    private const string MetadataSuffix = ".metadata";

    public static ResolvedRule Resolve(RuleDefinition rule, string where)
    {
        var conditions = rule.Conditions;
        var property = rule.Property;
        if (property is null && (rule.Name.EndsWith(MetadataSuffix, StringComparison.Ordinal) || rule.Name.Contains(".metadata_", StringComparison.Ordinal)))
        {
            throw RuleProblems.Invalid($"{where}.property is required for {rule.Name}.");
        }

        return rule.Name switch
        {
            "customer.segment" => Value(RuleGroup.Customer, c => Segments(c), conditions),
            "customer.metadata" => Value(RuleGroup.Customer, c => BodyPath.Property(c.Customer?["metadata"] as JsonObject, property!), conditions),
            "order.amount" => Value(RuleGroup.Order, c => RuleValue.Of(c.Order.TotalAmount), conditions),
            "order.total_amount" => Value(RuleGroup.Order, c => RuleValue.Of(c.Order.TotalAmount), conditions),
            "order.initial_amount" => Value(RuleGroup.Order, c => RuleValue.Of(c.Order.OriginalAmount), conditions),
            "order.items.count" => Value(RuleGroup.Order, c => RuleValue.Of((long)c.Lines.Count), conditions),
            "order.items.quantity" when !rule.Nested => Value(RuleGroup.Order, c => RuleValue.Of(c.Lines.Sum(l => l.Quantity)), conditions),
            "order.metadata" => Value(RuleGroup.Order, c => BodyPath.Property(c.Order.Metadata, property!), conditions),
            "order.items.price_any" => AnyLine(line => RuleValue.Of(line.UnitPrice), conditions),
            "order.items.price_each" => EachLine(line => RuleValue.Of(line.UnitPrice), conditions),
            "order.items.metadata_any" => AnyLine(line => BodyPath.Property(line.Item.Metadata, property!), conditions),
            "order.items.metadata_each" => EachLine(line => BodyPath.Property(line.Item.Metadata, property!), conditions),
            "order.items.any" or "order.items.every" or "order.items.none" or "order.items.cheapest" or "order.items.most_expensive" =>
                ItemRules.Resolve(rule.Name, conditions, rule.Children, where),
            "order.items.quantity" => Nested(c => RuleValue.Of(c.Line?.Quantity), conditions),
            "order.items.price" => Nested(c => RuleValue.Of(c.Line?.UnitPrice), conditions),
            "order.items.amount" => Nested(c => RuleValue.Of(c.Line?.Amount), conditions),
            "order.items.aggregated_quantity" => Nested(c => RuleValue.Of(ItemRules.Matched(c).Sum(l => l.Quantity)), conditions),
            "order.items.aggregated_amount" => Nested(c => RuleValue.Of(ItemRules.Matched(c).Sum(l => l.Amount ?? 0)), conditions),
            "order.items.metadata" => Nested(c => BodyPath.Property(c.Line?.Item.Metadata, property!), conditions),
            "product.id" => AnyLine(line => RuleValue.Of(line.ProductId), conditions) with { ReadsCatalog = true },
            "sku.id" => AnyLine(line => RuleValue.Of(line.SkuId), conditions) with { ReadsCatalog = true },
            "product.metadata" => AnyLine(line => BodyPath.Property(line.Product?["metadata"] as JsonObject ?? line.Item.Product?.Metadata, property!), conditions) with { ReadsCatalog = true },
            "redemption.metadata" => Value(RuleGroup.Redemption, c => BodyPath.Property(c.RedemptionMetadata, property!), conditions),
            "redemption.count.per_customer" => Budget(CounterScope.Customer, "redemptions_count", false, c => c.RelatedObjectId is { } id && c.Counters.CustomerRedemptions.TryGetValue(id, out var n) ? RuleValue.Of(n) : RuleValue.Missing, conditions),
            "campaign.redemptions.count" => Budget(CounterScope.Campaign, "redemptions_count", false, c => RuleValue.Of(c.Counters.CampaignRedemptions ?? 0), conditions),
            "campaign.orders.amount_discounted" => Budget(CounterScope.Campaign, "discounted_amount", true, c => RuleValue.Of((c.Counters.CampaignDiscounted ?? 0) + c.Counters.ThisDiscount), conditions),
            "campaign.orders.amount" => Budget(CounterScope.Campaign, "orders_amount", true, c => RuleValue.Of((c.Counters.CampaignOrders ?? 0) + c.Counters.ThisOrderAmount), conditions),
            _ when rule.Name.StartsWith("customer.", StringComparison.Ordinal) && !rule.Name.EndsWith(MetadataSuffix, StringComparison.Ordinal) =>
                Value(RuleGroup.Customer, c => BodyPath.Read(c.Customer, rule.Name["customer.".Length..]), conditions),
            _ => throw RuleProblems.Invalid($"{where}.name: {rule.Name} is not a rule name this service evaluates."),
        };
    }

    private static ResolvedRule Value(RuleGroup group, Func<RuleContext, RuleValue> read, ConditionSet conditions) =>
        new(group, context => conditions.Holds(read(context)));

    private static ResolvedRule Nested(Func<RuleContext, RuleValue> read, ConditionSet conditions) => Value(RuleGroup.Order, read, conditions);

    private static ResolvedRule AnyLine(Func<CartLine, RuleValue> read, ConditionSet conditions) =>
        new(RuleGroup.Order, context =>
        {
            foreach (var line in context.Lines)
            {
                if (conditions.Holds(read(line)))
                {
                    return true;
                }
            }

            return false;
        });

    private static ResolvedRule EachLine(Func<CartLine, RuleValue> read, ConditionSet conditions) =>
        new(RuleGroup.Order, context =>
        {
            foreach (var line in context.Lines)
            {
                if (!conditions.Holds(read(line)))
                {
                    return false;
                }
            }

            return context.Lines.Count > 0;
        });

    private static ResolvedRule Budget(CounterScope scope, string field, bool includesThis, Func<RuleContext, RuleValue> read, ConditionSet conditions)
    {
        var bound = conditions.Conditions.FirstOrDefault(c => c.UpperBound is not null);
        var guard = bound is null ? null : new BudgetGuard(scope, field, bound.Kind == ConditionKind.LessThanOrEqual, bound.UpperBound!.Value, includesThis);
        return new ResolvedRule(RuleGroup.Redemption, context => conditions.Holds(read(context)), guard);
    }

    private static RuleValue Segments(RuleContext context) =>
        context.Customer?["segments"] is JsonArray segments
            ? RuleValue.List([.. segments.Select(s => s is JsonObject json ? RuleValue.From(json["id"]) : RuleValue.From(s))])
            : RuleValue.List([]);
}
