namespace Voucherify.Core.Rules.Eligibility;

/// <summary>A compiled rule with the voucher or campaign it is assigned to (per-customer counters count per that object).</summary>
public sealed record AssignedRule(CompiledValidationRule Compiled, string RelatedObjectId);
