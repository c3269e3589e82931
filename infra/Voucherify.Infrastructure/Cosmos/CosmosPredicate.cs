namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// A Cosmos DB SQL boolean expression built from atoms (function calls, comparisons) with AND, OR and NOT.
/// Why a tree rather than strings: it is written out in disjunctive normal form, "a AND b OR c AND d", which
/// needs no parentheses at all. The local test server's SQL parser backtracks exponentially in parenthesis
/// depth (each level costs about five times the one inside), so a guard written with nested parentheses took
/// seconds to minutes per request; real Cosmos DB reads both forms the same. NOT is pushed down to the
/// atoms, each of which knows its own negation. Expressions whose normal form would grow past a bound are
/// written with parentheses instead.
/// </summary>
internal sealed class CosmosPredicate
{
    private const int MaxTerms = 256;

    private readonly string? text;
    private readonly string? negated;
    private readonly bool conjunction;
    private readonly IReadOnlyList<CosmosPredicate> parts;

    private CosmosPredicate(string text, string negated)
    {
        this.text = text;
        this.negated = negated;
        parts = [];
    }

    private CosmosPredicate(bool conjunction, IReadOnlyList<CosmosPredicate> parts)
    {
        this.conjunction = conjunction;
        this.parts = parts;
    }

    public static CosmosPredicate True { get; } = new("true", "false");

    public static CosmosPredicate False { get; } = new("false", "true");

    /// <summary>A function call such as IS_NUMBER(c.x); its negation is NOT in front of it.</summary>
    public static CosmosPredicate Function(string call) => new(call, "NOT " + call);

    /// <summary>
    /// A comparison; its negation flips the operator. Only a definite negation where the comparison itself is
    /// definite (both sides of one type), so callers guard comparisons with type tests.
    /// </summary>
    public static CosmosPredicate Compare(string left, string sqlOperator, string right) =>
        new($"{left} {sqlOperator} {right}", $"{left} {Flip(sqlOperator)} {right}");

    public static CosmosPredicate And(params IEnumerable<CosmosPredicate> parts) => new(true, [.. parts]);

    public static CosmosPredicate Or(params IEnumerable<CosmosPredicate> parts) => new(false, [.. parts]);

    public CosmosPredicate Not() => text is not null
        ? new CosmosPredicate(negated!, text)
        : new CosmosPredicate(!conjunction, [.. parts.Select(part => part.Not())]);

    public string ToSql()
    {
        var terms = Normal(this);
        return terms is null ? Nested(this) : Render(terms);
    }

    public override string ToString() => ToSql();

    private static string Flip(string sqlOperator) => sqlOperator switch
    {
        "=" => "!=",
        "!=" => "=",
        "<" => ">=",
        ">=" => "<",
        ">" => "<=",
        "<=" => ">",
        _ => throw new ArgumentException($"No negation for '{sqlOperator}'.", nameof(sqlOperator)),
    };

    /// <summary>OR of ANDs of atoms; true and false folded away. Null when it would exceed <see cref="MaxTerms"/>.</summary>
    private static List<List<string>>? Normal(CosmosPredicate predicate)
    {
        if (predicate.text is not null)
        {
            return predicate.text switch
            {
                "true" => [[]],
                "false" => [],
                _ => [[predicate.text]],
            };
        }

        if (!predicate.conjunction)
        {
            var union = new List<List<string>>();
            foreach (var part in predicate.parts)
            {
                var terms = Normal(part);
                if (terms is null || union.Count + terms.Count > MaxTerms)
                {
                    return null;
                }

                union.AddRange(terms);
            }

            return union;
        }

        List<List<string>> product = [[]];
        foreach (var part in predicate.parts)
        {
            var terms = Normal(part);
            if (terms is null || (long)product.Count * terms.Count > MaxTerms)
            {
                return null;
            }

            product = [.. product.SelectMany(left => terms.Select(right => (List<string>)[.. left, .. right]))];
        }

        return product;
    }

    private static string Render(List<List<string>> terms)
    {
        if (terms.Count == 0)
        {
            return "false";
        }

        if (terms.Any(term => term.Count == 0))
        {
            return "true";
        }

        return string.Join(" OR ", terms.Select(term => string.Join(" AND ", term.Distinct())));
    }

    private static string Nested(CosmosPredicate predicate)
    {
        if (predicate.text is not null)
        {
            return predicate.text;
        }

        if (predicate.parts.Count == 0)
        {
            return predicate.conjunction ? "true" : "false";
        }

        // AND binds tighter than OR: only an OR inside an AND needs parentheses.
        return predicate.conjunction
            ? string.Join(" AND ", predicate.parts.Select(part => part.text is null && !part.conjunction ? "(" + Nested(part) + ")" : Nested(part)))
            : string.Join(" OR ", predicate.parts.Select(Nested));
    }
}
