namespace Voucherify.Core.Rules.Engine;

/// <summary>One operator with its values, compiled once; <see cref="Holds"/> allocates nothing.</summary>
public sealed class RuleCondition(ConditionKind kind, RuleValue[] values)
{
    public ConditionKind Kind { get; } = kind;

    public IReadOnlyList<RuleValue> Values => values;

    public bool Holds(in RuleValue subject) => Kind switch
    {
        ConditionKind.Is or ConditionKind.In => AnyEqual(subject),
        ConditionKind.IsNot or ConditionKind.NotIn => !AnyEqual(subject),
        ConditionKind.MoreThan => Compare(subject) is > 0,
        ConditionKind.MoreThanOrEqual => Compare(subject) is >= 0,
        ConditionKind.LessThan => Compare(subject) is < 0,
        ConditionKind.LessThanOrEqual => Compare(subject) is <= 0,
        ConditionKind.HasValue => !subject.IsMissing && !(subject.Kind == RuleValueKind.Text && subject.Text!.Length == 0),
        ConditionKind.IsUnknown => subject.IsMissing,
        ConditionKind.StartsWith => AnyText(subject, static (s, v) => s.StartsWith(v, StringComparison.Ordinal)),
        ConditionKind.EndsWith => AnyText(subject, static (s, v) => s.EndsWith(v, StringComparison.Ordinal)),
        ConditionKind.Contains => subject.Kind == RuleValueKind.List ? AnyEqual(subject) : AnyText(subject, static (s, v) => s.Contains(v, StringComparison.Ordinal)),
        ConditionKind.Count => CountOf(subject) is { } count && count == First.Number,
        ConditionKind.CountMore => CountOf(subject) is { } more && more > First.Number,
        ConditionKind.CountLess => CountOf(subject) is { } less && less < First.Number,
        ConditionKind.After => CompareDates(subject) is > 0,
        ConditionKind.Before => CompareDates(subject) is < 0,
        _ => false,
    };

    /// <summary>The bound of an upper-limit condition on a number ($less_than, $less_than_or_equal); what a budget guard enforces.</summary>
    public decimal? UpperBound => Kind is ConditionKind.LessThan or ConditionKind.LessThanOrEqual && First.Kind == RuleValueKind.Number ? First.Number : null;

    private RuleValue First => values.Length > 0 ? values[0] : RuleValue.Missing;

    /// <summary>A list subject (metadata array, segment ids) equals a value when any of its elements does.</summary>
    private bool AnyEqual(in RuleValue subject)
    {
        if (subject.Kind == RuleValueKind.List)
        {
            foreach (var element in subject.Items!)
            {
                if (AnyEqual(element))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var value in values)
        {
            if (Equal(subject, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Equal(in RuleValue subject, in RuleValue value) => (subject.Kind, value.Kind) switch
    {
        (RuleValueKind.Number, RuleValueKind.Number) or (RuleValueKind.Boolean, RuleValueKind.Boolean) => subject.Number == value.Number,
        (RuleValueKind.Text, RuleValueKind.Text) => string.Equals(subject.Text, value.Text, StringComparison.Ordinal),
        (RuleValueKind.Reference, RuleValueKind.Reference) => string.Equals(subject.Text, value.Text, StringComparison.Ordinal),
        (RuleValueKind.Text, RuleValueKind.Reference) or (RuleValueKind.Reference, RuleValueKind.Text) => string.Equals(subject.Text, value.Text, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Numbers compare as numbers, dates as instants, other texts ordinally; anything else does not compare.</summary>
    private int? Compare(in RuleValue subject)
    {
        var bound = First;
        if (subject.Kind == RuleValueKind.Number && bound.Kind == RuleValueKind.Number)
        {
            return subject.Number.CompareTo(bound.Number);
        }

        return CompareDates(subject) ?? (subject.Kind == RuleValueKind.Text && bound.Kind == RuleValueKind.Text
            ? string.CompareOrdinal(subject.Text, bound.Text)
            : null);
    }

    private int? CompareDates(in RuleValue subject) =>
        subject.TryDate(out var date) && First.TryDate(out var bound) ? date.CompareTo(bound) : null;

    private bool AnyText(in RuleValue subject, Func<string, string, bool> test)
    {
        if (subject.Kind != RuleValueKind.Text)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (value.Kind == RuleValueKind.Text && test(subject.Text!, value.Text!))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? CountOf(in RuleValue subject) => subject.Kind switch
    {
        RuleValueKind.List => subject.Items!.Count,
        RuleValueKind.Missing => 0,
        _ => null,
    };
}
