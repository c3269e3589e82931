using Voucherify.Core.Rules.Engine;
using Voucherify.Core.Validations;

namespace Voucherify.Core.Rules.Eligibility;

/// <summary>
/// The failure a broken rule answers with: the key by what the rule judges (SEMANTICS R9.3), the contract's message for
/// that key, and as explanation (<c>error.message</c>) the rule's own message, else its rule set's.
/// </summary>
public static class RuleFailures
{
    public static Failure For(CompiledRule? rule, ValidationRule set) => (rule?.Group ?? RuleGroup.Order) switch
    {
        RuleGroup.Customer => new("customer_rules_violated", "customer does not match validation rules", Explanation(rule, set)),
        RuleGroup.Redemption => new("redemption_rules_violated", "redemption does not match validation rules", Explanation(rule, set)),
        _ => new("order_rules_violated", "order does not match validation rules", Explanation(rule, set)),
    };

    private static string? Explanation(CompiledRule? rule, ValidationRule set) => rule?.ErrorMessage ?? set.Error?.Message;
}
