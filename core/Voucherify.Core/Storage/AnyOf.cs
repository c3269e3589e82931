namespace Voucherify.Core.Storage;

/// <summary>True when at least one alternative holds.</summary>
public sealed record AnyOf(IReadOnlyList<Condition> Alternatives) : Condition;
