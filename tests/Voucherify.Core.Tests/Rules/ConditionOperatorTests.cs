using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Core.Tests.Rules;

public sealed class ConditionOperatorTests
{
    private static bool Holds(string conditions, string subject) =>
        ConditionSet.Parse(JsonNode.Parse(conditions), "rules.1").Holds(RuleValue.From(JsonNode.Parse(subject)));

    [Theory]
    [InlineData("""{"$is": ["gold"]}""", "\"gold\"", true)]
    [InlineData("""{"$is": ["gold"]}""", "\"silver\"", false)]
    [InlineData("""{"$is": [5]}""", "5.0", true)]
    [InlineData("""{"$is": [true]}""", "true", true)]
    [InlineData("""{"$is_not": ["gold"]}""", "\"silver\"", true)]
    [InlineData("""{"$is_not": ["gold"]}""", "\"gold\"", false)]
    [InlineData("""{"$in": ["a", "b"]}""", "\"b\"", true)]
    [InlineData("""{"$in": ["a", "b"]}""", "\"c\"", false)]
    [InlineData("""{"$in": ["a", "b"]}""", "[\"x\", \"a\"]", true)]
    [InlineData("""{"$not_in": ["a", "b"]}""", "\"c\"", true)]
    [InlineData("""{"$not_in": ["a", "b"]}""", "\"a\"", false)]
    [InlineData("""{"$more_than": [100]}""", "101", true)]
    [InlineData("""{"$more_than": [100]}""", "100", false)]
    [InlineData("""{"$more_than_or_equal": [100]}""", "100", true)]
    [InlineData("""{"$greater_than_or_equal": [100]}""", "99", false)]
    [InlineData("""{"$more_than_equal": [100]}""", "100", true)]
    [InlineData("""{"$less_than": [100]}""", "99", true)]
    [InlineData("""{"$less_than": [100]}""", "100", false)]
    [InlineData("""{"$less_than_or_equal": [100]}""", "100", true)]
    [InlineData("""{"$less_than_or_equal": [100]}""", "101", false)]
    [InlineData("""{"$more_than": [100]}""", "\"abc\"", false)]
    [InlineData("""{"$has_value": []}""", "\"x\"", true)]
    [InlineData("""{"$has_value": []}""", "\"\"", false)]
    [InlineData("""{"$has_value": []}""", "null", false)]
    [InlineData("""{"$is_unknown": []}""", "null", true)]
    [InlineData("""{"$is_unknown": []}""", "0", false)]
    [InlineData("""{"$starts_with": ["VIP"]}""", "\"VIP-7\"", true)]
    [InlineData("""{"$starts_with": ["VIP"]}""", "\"vip-7\"", false)]
    [InlineData("""{"$ends_with": [".com"]}""", "\"a@b.com\"", true)]
    [InlineData("""{"$ends_with": [".com"]}""", "\"a@b.org\"", false)]
    [InlineData("""{"$contains": ["@"]}""", "\"a@b\"", true)]
    [InlineData("""{"$contains": ["@"]}""", "\"ab\"", false)]
    [InlineData("""{"$contains": ["x"]}""", "[\"x\", \"y\"]", true)]
    [InlineData("""{"$count": [2]}""", "[1, 2]", true)]
    [InlineData("""{"$count": [2]}""", "[1]", false)]
    [InlineData("""{"$count_more": [1]}""", "[1, 2]", true)]
    [InlineData("""{"$count_more": [2]}""", "[1, 2]", false)]
    [InlineData("""{"$count_less": [3]}""", "[1, 2]", true)]
    [InlineData("""{"$count_less": [2]}""", "[1, 2]", false)]
    [InlineData("""{"$count_less": [1]}""", "null", true)]
    [InlineData("""{"$after": ["2026-01-01T00:00:00Z"]}""", "\"2026-02-01T00:00:00Z\"", true)]
    [InlineData("""{"$before": ["2026-01-01T00:00:00Z"]}""", "\"2026-02-01T00:00:00Z\"", false)]
    [InlineData("""{"$more_than": ["2026-01-01T00:00:00Z"]}""", "\"2026-01-02\"", true)]
    [InlineData("""{"$more_than": [1], "$less_than": [10]}""", "5", true)]
    [InlineData("""{"$more_than": [1], "$less_than": [10]}""", "10", false)]
    [InlineData("""{"$is": 7}""", "7", true)]
    public void Each_operator_judges_as_the_contract_describes(string conditions, string subject, bool expected) =>
        Assert.Equal(expected, Holds(conditions, subject));

    [Theory]
    [InlineData("""{"$similar_to": ["x"]}""")]
    [InlineData("""{"$is": []}""")]
    [InlineData("""{"$count": ["two"]}""")]
    [InlineData("""["$is"]""")]
    public void Unknown_operators_and_malformed_values_are_refused(string conditions)
    {
        var error = Assert.Throws<ApiException>(() => ConditionSet.Parse(JsonNode.Parse(conditions), "rules.1"));
        Assert.Equal("invalid_validation_rules", error.Error.Key);
    }
}
