using Voucherify.Core.Errors;

namespace Voucherify.Core.Lists;

/// <summary>The contract's order=field / order=-field, over the fields a list allows (anything else is a 400).</summary>
public sealed record SortOrder(string Path, bool Descending)
{
    /// <summary>For the lists that sort by creation only.</summary>
    public static readonly IReadOnlyDictionary<string, string> CreatedAtOnly = new Dictionary<string, string>(StringComparer.Ordinal) { ["created_at"] = "created_at" };

    public static SortOrder Parse(string order, IReadOnlyDictionary<string, string> fields)
    {
        var descending = order.StartsWith('-');
        var field = order.TrimStart('-');
        return fields.TryGetValue(field, out var path)
            ? new SortOrder(path, descending)
            : throw Problems.InvalidQueryParams($"order must be one of {string.Join(", ", fields.Keys.SelectMany(k => new[] { k, "-" + k }))}.");
    }
}
