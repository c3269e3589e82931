using Voucherify.Core.Discounts;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Core.Rules;

/// <summary>
/// A stored rule ready to evaluate: its compiled rule document and one <see cref="ApplicableItemRule"/> per included
/// entry (one instance per entry, which is what lets the discount calculator share an entry's aggregated caps).
/// Cached by rule id and etag, so the hot path compiles nothing.
/// </summary>
public sealed class CompiledValidationRule(ValidationRule rule, string etag, CompiledRuleSet rules, IReadOnlyList<ApplicableItemRule> includedCaps)
{
    public ValidationRule Rule { get; } = rule;

    public string ETag { get; } = etag;

    public CompiledRuleSet Rules { get; } = rules;

    /// <summary>Parallel to <c>Rule.ApplicableTo.Included</c>.</summary>
    public IReadOnlyList<ApplicableItemRule> IncludedCaps { get; } = includedCaps;

    /// <summary>
    /// Whether judging it needs the cart resolved against the catalog: a rule reads products or SKUs, or its
    /// applicable_to names items (which match by product, SKU or collection).
    /// </summary>
    public bool ReadsCatalog { get; } = rules.ReadsCatalog || rule.ApplicableTo.NamesItems;

    public static CompiledValidationRule Compile(ValidationRule rule, string etag)
    {
        ApplicableToValidation.Check(rule.ApplicableTo);
        var caps = rule.ApplicableTo.Included.Select(entry => new ApplicableItemRule
        {
            QuantityLimit = entry.QuantityLimit,
            AggregatedQuantityLimit = entry.AggregatedQuantityLimit,
            AmountLimit = entry.AmountLimit,
            AggregatedAmountLimit = entry.AggregatedAmountLimit,
            Price = entry.Price,
        }).ToArray();
        return new CompiledValidationRule(rule, etag, RuleCompiler.Compile(rule.Rules), caps);
    }
}
