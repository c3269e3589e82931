using Voucherify.Core.Errors;

namespace Voucherify.Core.Rules;

/// <summary>The errors of the rule engine: a malformed rule document is the contract's 400 invalid_validation_rules.</summary>
public static class RuleProblems
{
    public static ApiException Invalid(string details) =>
        new(new ApiError(400, "invalid_validation_rules", "Invalid validation rules") { Details = details });
}
