namespace Voucherify.Core.Rules.Engine;

/// <summary>What a rule judges; decides the failure key (customer_rules_violated, order_rules_violated, redemption_rules_violated).</summary>
public enum RuleGroup
{
    Customer,
    Order,
    Redemption,
}
