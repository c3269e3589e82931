namespace Voucherify.Core.Rules.Engine;

/// <summary>Recursive descent over the logic text; names the first flaw so the 400 says what to fix.</summary>
internal sealed class LogicParser(string text, IReadOnlySet<int> known)
{
    private readonly List<int> output = [];
    private int position;

    public List<int> Parse()
    {
        ParseOr();
        SkipSpaces();
        if (position < text.Length)
        {
            throw Error($"unexpected '{text[position]}' at position {position + 1}");
        }

        return output;
    }

    private void ParseOr()
    {
        ParseAnd();
        while (TryKeyword("or"))
        {
            ParseAnd();
            output.Add(LogicExpression.Or);
        }
    }

    private void ParseAnd()
    {
        ParseUnary();
        while (TryKeyword("and"))
        {
            ParseUnary();
            output.Add(LogicExpression.And);
        }
    }

    private void ParseUnary()
    {
        if (TryKeyword("not"))
        {
            ParseUnary();
            output.Add(LogicExpression.Not);
            return;
        }

        SkipSpaces();
        if (position < text.Length && text[position] == '(')
        {
            position++;
            ParseOr();
            SkipSpaces();
            if (position >= text.Length || text[position] != ')')
            {
                throw Error("a '(' is not closed");
            }

            position++;
            return;
        }

        output.Add(ParseNumber());
    }

    private int ParseNumber()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (start == position)
        {
            throw Error(position < text.Length ? $"expected a rule number at position {position + 1}" : "the expression ends where a rule number is expected");
        }

        if (!int.TryParse(text.AsSpan(start, position - start), out var number) || !known.Contains(number))
        {
            throw Error($"rule {text[start..position]} is not defined");
        }

        return number;
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        var end = position + keyword.Length;
        if (end > text.Length
            || !text.AsSpan(position, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            || (end < text.Length && char.IsAsciiLetterOrDigit(text[end])))
        {
            return false;
        }

        position = end;
        return true;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private Errors.ApiException Error(string reason) => RuleProblems.Invalid($"logic \"{text}\": {reason}.");
}
