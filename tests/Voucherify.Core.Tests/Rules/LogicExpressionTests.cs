using Voucherify.Core.Errors;
using Voucherify.Core.Rules.Engine;

namespace Voucherify.Core.Tests.Rules;

public sealed class LogicExpressionTests
{
    private static readonly HashSet<int> Known = [1, 2, 3, 4];

    [Theory]
    [InlineData("1 and 2 or 3", "FFT", true)]
    [InlineData("1 and 2 or 3", "TFF", false)]
    [InlineData("1 and (2 or 3)", "TFT", true)]
    [InlineData("1 and (2 or 3)", "FTT", false)]
    [InlineData("1 or 2 and 3", "TFF", true)]
    [InlineData("(1 or 2) and 3", "TFF", false)]
    [InlineData("not 1 and 2", "FTF", true)]
    [InlineData("not (1 and 2)", "TTF", false)]
    [InlineData("((1) and ((2 or 3) and (4 or 1)))", "TFTF", true)]
    [InlineData("1 AND (2 OR 3)", "TTF", true)]
    [InlineData("1 and 2 and 3 and 4", "TTTF", false)]
    public void Logic_follows_precedence_and_parentheses(string logic, string verdicts, bool expected)
    {
        var expression = LogicExpression.Parse(logic, Known);
        var results = new bool[5];
        for (var k = 0; k < verdicts.Length; k++)
        {
            results[k + 1] = verdicts[k] == 'T';
        }

        Assert.Equal(expected, expression.Evaluate(results));
    }

    [Theory]
    [InlineData("1 and 5")]
    [InlineData("1 and (2 or 3")]
    [InlineData("1 and 2)")]
    [InlineData("1 2")]
    [InlineData("1 and")]
    [InlineData("and 1")]
    [InlineData("1 xor 2")]
    [InlineData("()")]
    [InlineData("1 andor 2")]
    public void Malformed_logic_is_refused_naming_the_flaw(string logic)
    {
        var error = Assert.Throws<ApiException>(() => LogicExpression.Parse(logic, Known));
        Assert.Equal("invalid_validation_rules", error.Error.Key);
        Assert.Contains(logic, error.Error.Details);
    }

    [Fact]
    public void Without_logic_every_rule_must_hold()
    {
        var expression = LogicExpression.AllOf([1, 2, 3]);
        Assert.True(expression.Evaluate(new[] { false, true, true, true }));
        Assert.False(expression.Evaluate(new[] { false, true, false, true }));
    }
}
