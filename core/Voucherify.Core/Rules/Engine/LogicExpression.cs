namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// A rule set's <c>logic</c> ("1 and (2 or 3)") compiled to a postfix program: <c>not</c> binds tighter than
/// <c>and</c>, which binds tighter than <c>or</c>; parentheses group. Evaluating runs the program over the rules'
/// results on a stack-allocated span, so it allocates nothing.
/// </summary>
public sealed class LogicExpression
{
    internal const int And = -1;
    internal const int Or = -2;
    internal const int Not = -3;

    private readonly int[] program;

    private LogicExpression(int[] program, string text)
    {
        this.program = program;
        Text = text;
    }

    public string Text { get; }

    /// <summary>The numbers the expression names, each once.</summary>
    public IReadOnlySet<int> Rules => program.Where(step => step > 0).ToHashSet();

    /// <summary>No logic given: every rule must hold.</summary>
    public static LogicExpression AllOf(IReadOnlyList<int> numbers)
    {
        var text = string.Join(" and ", numbers);
        return numbers.Count == 0 ? new LogicExpression([], string.Empty) : Parse(text, numbers.ToHashSet());
    }

    public static LogicExpression Parse(string text, IReadOnlySet<int> known)
    {
        var program = new LogicParser(text, known).Parse();
        return new LogicExpression([.. program], text);
    }

    /// <param name="results">results[n] is rule n's verdict (index 0 unused).</param>
    public bool Evaluate(ReadOnlySpan<bool> results)
    {
        if (program.Length == 0)
        {
            return true;
        }

        Span<bool> stack = program.Length <= 64 ? stackalloc bool[program.Length] : new bool[program.Length];
        var top = -1;
        foreach (var step in program)
        {
            switch (step)
            {
                case And:
                    top--;
                    stack[top] = stack[top] & stack[top + 1];
                    break;
                case Or:
                    top--;
                    stack[top] = stack[top] | stack[top + 1];
                    break;
                case Not:
                    stack[top] = !stack[top];
                    break;
                default:
                    stack[++top] = results[step];
                    break;
            }
        }

        return stack[0];
    }
}
