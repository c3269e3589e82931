using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Rules;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Core.Collections;

/// <summary>
/// An AUTO_UPDATE collection's filter (<c>{"junction": "and"|"or", "price": {"conditions": {"$more_than": [1000]}}, "metadata.color": ...}</c>)
/// compiled with the rule engine's own condition evaluator, so a collection and a rule read an operator the same way.
/// </summary>
public sealed class CollectionFilter(bool any, IReadOnlyList<(string Path, ConditionSet Conditions)> fields)
{
    public static CollectionFilter Parse(JsonObject? filter)
    {
        if (filter is null)
        {
            throw RuleProblems.Invalid("filter is required for an AUTO_UPDATE collection.");
        }

        var junction = filter["junction"]?.GetValueKind() == JsonValueKind.String ? filter["junction"]!.GetValue<string>().ToLowerInvariant() : "and";
        if (junction is not ("and" or "or"))
        {
            throw RuleProblems.Invalid("filter.junction must be and or or.");
        }

        var fields = filter.Where(field => field.Key != "junction")
            .Select(field => (field.Key, ConditionSet.Parse((field.Value as JsonObject)?["conditions"] ?? throw RuleProblems.Invalid($"filter.{field.Key} needs conditions."), $"filter.{field.Key}")))
            .ToList();
        return new CollectionFilter(junction == "or", fields);
    }

    public bool Matches(JsonObject product)
    {
        if (fields.Count == 0)
        {
            return true;
        }

        foreach (var (path, conditions) in fields)
        {
            if (conditions.Holds(BodyPath.Read(product, path)) == any)
            {
                return any;
            }
        }

        return !any;
    }
}
