namespace Voucherify.Core.Rules;

/// <summary>applicable_to entries must name what they match; limits are never negative.</summary>
public static class ApplicableToValidation
{
    private static readonly HashSet<string> Objects = ["product", "sku", "products_collection"];

    public static void Check(ApplicableTo applicableTo)
    {
        foreach (var (entry, where) in applicableTo.Included.Select((e, i) => (e, $"applicable_to.included[{i}]"))
                     .Concat(applicableTo.Excluded.Select((e, i) => (e, $"applicable_to.excluded[{i}]"))))
        {
            if (!Objects.Contains(entry.Object))
            {
                throw RuleProblems.Invalid($"{where}.object must be product, sku or products_collection.");
            }

            if (string.IsNullOrEmpty(entry.Id))
            {
                throw RuleProblems.Invalid($"{where}.id is required.");
            }

            if (entry.QuantityLimit < 0 || entry.AggregatedQuantityLimit < 0 || entry.AmountLimit < 0 || entry.AggregatedAmountLimit < 0 || entry.Price < 0)
            {
                throw RuleProblems.Invalid($"{where}: limits and price cannot be negative.");
            }
        }
    }
}
