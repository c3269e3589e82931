using Microsoft.Extensions.DependencyInjection;
using Voucherify.Core.Collections;
using Voucherify.Core.Rules;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Rules.Eligibility;

namespace Voucherify.Functions.ValidationRules;

/// <summary>The rule engine's services: rules and assignments, the compiled-rule cache, eligibility loading, budget counters, collections.</summary>
public static class ValidationRuleRegistration
{
    public static IServiceCollection AddValidationRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleCache>();
        services.AddSingleton<ValidationRuleService>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<IEligibilityData, StoreEligibilityData>();
        services.AddSingleton<EligibilityService>();
        services.AddSingleton<RuleCounterLedger>();
        services.AddSingleton<ProductCollectionService>();
        return services;
    }
}
