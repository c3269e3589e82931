using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;

namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// Compiles the contract's rule document (<c>{"1": {name, property, conditions, rules, error}, ..., "logic": "..."}</c>)
/// into predicates. Everything a client can get wrong (unknown name or operator, a metadata rule without property,
/// logic naming a rule that is not there, broken parentheses) is a 400 here, when the rule is saved.
/// </summary>
public static class RuleCompiler
{
    public static CompiledRuleSet Compile(JsonObject? rules) => Compile(rules, "rules", nested: false);

    internal static CompiledRuleSet Compile(JsonObject? rules, string where, bool nested)
    {
        if (rules is null || rules.Count == 0)
        {
            return CompiledRuleSet.Empty;
        }

        var compiled = new SortedDictionary<int, CompiledRule>();
        string? logic = null;
        foreach (var (key, value) in rules)
        {
            if (key == "logic")
            {
                logic = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw RuleProblems.Invalid($"{where}.logic must be a string.");
                continue;
            }

            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > 1000)
            {
                throw RuleProblems.Invalid($"{where}: keys are rule numbers from 1 or \"logic\", not \"{key}\".");
            }

            compiled[number] = CompileRule(number, value as JsonObject ?? throw RuleProblems.Invalid($"{where}.{key} must be an object."), $"{where}.{key}", nested);
        }

        var byNumber = new CompiledRule?[compiled.Count == 0 ? 1 : compiled.Keys.Max() + 1];
        foreach (var (number, rule) in compiled)
        {
            byNumber[number] = rule;
        }

        var expression = string.IsNullOrWhiteSpace(logic)
            ? LogicExpression.AllOf([.. compiled.Keys])
            : LogicExpression.Parse(logic, compiled.Keys.ToHashSet());
        return new CompiledRuleSet(byNumber, expression);
    }

    private static CompiledRule CompileRule(int number, JsonObject rule, string where, bool nested)
    {
        var name = JsonText.Of(rule, "name") ?? throw RuleProblems.Invalid($"{where}.name is required.");
        var property = JsonText.Of(rule, "property");
        var conditions = ConditionSet.Parse(rule["conditions"], where);
        var children = Compile(rule["rules"] as JsonObject, $"{where}.rules", nested: true);
        var message = (rule["error"] as JsonObject)?["message"] is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : null;
        var definition = RuleNames.Resolve(new RuleDefinition(name, property, conditions, children, nested), where);
        return new CompiledRule(number, name, definition.Group, message, definition.Holds, definition.Guard, [.. definition.References ?? [], .. children.References], definition.ReadsCatalog || children.ReadsCatalog);
    }
}
