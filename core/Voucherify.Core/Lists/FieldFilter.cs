namespace Voucherify.Core.Lists;

/// <summary>One parsed filters[field][conditions][$op]=values entry of a list query.</summary>
public sealed record FieldFilter(string Field, string Operator, IReadOnlyList<string> Values);
