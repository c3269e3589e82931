namespace Voucherify.Core.Rules;

/// <summary>
/// The validate answer's <c>applicable_to</c> and <c>inapplicable_to</c>: the contract's list envelope around the
/// entries of the voucher's rules. Typed, so every validate serializes it directly instead of building a JSON tree of
/// it first (most rules name no items, and the empty list is one shared object).
/// </summary>
public sealed record ApplicableToList
{
    public static ApplicableToList Empty { get; } = new([]);

    private ApplicableToList(IReadOnlyList<ApplicableToEntry> data) => Data = data;

    public string Object => "list";

    public string DataRef => "data";

    public IReadOnlyList<ApplicableToEntry> Data { get; }

    public long Total => Data.Count;

    public static ApplicableToList Of(IEnumerable<ApplicableToEntry> entries) =>
        entries.ToArray() is { Length: > 0 } data ? new ApplicableToList(data) : Empty;
}
