using System.Text.Json.Nodes;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// The conditions of one rule (or one collection filter field), joined with AND. Compiled from the contract's
/// <c>{"$op": [values]}</c> object; an unknown operator or a value of the wrong shape is refused when the rule is saved.
/// </summary>
public sealed class ConditionSet(RuleCondition[] conditions)
{
    public static ConditionSet Always { get; } = new([]);

    public IReadOnlyList<RuleCondition> Conditions => conditions;

    public bool Holds(in RuleValue subject)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Holds(subject))
            {
                return false;
            }
        }

        return true;
    }

    public static ConditionSet Parse(JsonNode? node, string where)
    {
        if (node is null)
        {
            return Always;
        }

        if (node is not JsonObject json)
        {
            throw RuleProblems.Invalid($"{where}.conditions must be an object of operators.");
        }

        var parsed = new List<RuleCondition>(json.Count);
        foreach (var (name, value) in json)
        {
            if (!ConditionOperators.TryParse(name, out var kind))
            {
                throw RuleProblems.Invalid($"{where}.conditions: unsupported operator {name}; supported: {string.Join(", ", ConditionOperators.Supported)}.");
            }

            var values = value is JsonArray array ? [.. array.Select(RuleValue.From)] : new[] { RuleValue.From(value) };
            if (kind is not (ConditionKind.HasValue or ConditionKind.IsUnknown) && (values.Length == 0 || values.Any(v => v.IsMissing)))
            {
                throw RuleProblems.Invalid($"{where}.conditions.{name} needs at least one number, text, boolean or {{object, id}} value.");
            }

            if (kind is ConditionKind.Count or ConditionKind.CountMore or ConditionKind.CountLess && values[0].Kind != RuleValueKind.Number)
            {
                throw RuleProblems.Invalid($"{where}.conditions.{name} needs a number.");
            }

            parsed.Add(new RuleCondition(kind, values));
        }

        return new ConditionSet([.. parsed]);
    }
}
