namespace Voucherify.Core.Lists;

/// <summary>
/// The contract's list envelope whose items sit under <c>data</c> (a voucher's or campaign's
/// <c>validation_rules_assignments</c>, the validate answer's <c>applicable_to</c> and <c>inapplicable_to</c>). Typed,
/// so it is serialized directly rather than built as a JSON tree first; most of these lists are empty, and the empty one
/// is one shared object. Its total is the count of its items; a page of a longer list (whose total counts every page) or
/// an envelope whose array is named otherwise is built by <see cref="WireList"/>.
/// </summary>
public sealed record DataList<T>
{
    public static DataList<T> Empty { get; } = new();

    public string Object => "list";

    public string DataRef => "data";

    public IReadOnlyList<T> Data { get; init; } = [];

    public long Total => Data.Count;

    public static DataList<T> Of(IEnumerable<T> items) =>
        items.ToArray() is { Length: > 0 } data ? new DataList<T> { Data = data } : Empty;
}
