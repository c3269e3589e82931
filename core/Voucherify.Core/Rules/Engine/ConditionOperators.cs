using System.Collections.Frozen;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// The wire names of the operators. The contract spells "more than or equal" three ways (its create example,
/// its list filters, its reference), so all three are accepted; the stored rule keeps the spelling it was sent with.
/// </summary>
public static class ConditionOperators
{
    private static readonly FrozenDictionary<string, ConditionKind> Names = new Dictionary<string, ConditionKind>
    {
        ["$is"] = ConditionKind.Is,
        ["$is_not"] = ConditionKind.IsNot,
        ["$in"] = ConditionKind.In,
        ["$not_in"] = ConditionKind.NotIn,
        ["$more_than"] = ConditionKind.MoreThan,
        ["$greater_than"] = ConditionKind.MoreThan,
        ["$more_than_or_equal"] = ConditionKind.MoreThanOrEqual,
        ["$more_than_equal"] = ConditionKind.MoreThanOrEqual,
        ["$greater_than_or_equal"] = ConditionKind.MoreThanOrEqual,
        ["$less_than"] = ConditionKind.LessThan,
        ["$less_than_or_equal"] = ConditionKind.LessThanOrEqual,
        ["$less_than_equal"] = ConditionKind.LessThanOrEqual,
        ["$has_value"] = ConditionKind.HasValue,
        ["$is_unknown"] = ConditionKind.IsUnknown,
        ["$starts_with"] = ConditionKind.StartsWith,
        ["$ends_with"] = ConditionKind.EndsWith,
        ["$contains"] = ConditionKind.Contains,
        ["$count"] = ConditionKind.Count,
        ["$count_more"] = ConditionKind.CountMore,
        ["$count_less"] = ConditionKind.CountLess,
        ["$after"] = ConditionKind.After,
        ["$before"] = ConditionKind.Before,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(string name, out ConditionKind kind) => Names.TryGetValue(name, out kind);

    public static IEnumerable<string> Supported => Names.Keys;
}
