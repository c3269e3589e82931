using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;

namespace Voucherify.Functions.Http;

/// <summary>Reads the contract's query conventions: paging, date ranges, repeated values and deepObject filters.</summary>
public static partial class QueryReader
{
    public static Paging Paging(HttpRequest request, int maxPage = 100) =>
        Core.Lists.Paging.Parse(request.Query["limit"], request.Query["page"], maxPage);

    public static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>name, name[] and name[0..n] all carry lists in the SDKs' encodings.</summary>
    public static IReadOnlyList<string> List(HttpRequest request, string name) =>
        request.Query
            .Where(q => q.Key == name || q.Key == name + "[]" || (q.Key.StartsWith(name + "[", StringComparison.Ordinal) && IndexKey().IsMatch(q.Key[name.Length..])))
            .SelectMany(q => q.Value.Select(v => v ?? string.Empty))
            .Where(v => v.Length > 0)
            .ToList();

    public static DateRange Dates(HttpRequest request, string name) =>
        new(Date(request, $"{name}[before]"), Date(request, $"{name}[after]"));

    public static DateTimeOffset? Date(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Problems.InvalidQueryParams($"{name} must be an ISO-8601 date-time.");
    }

    public static bool Flag(HttpRequest request, string name) =>
        Text(request, name) switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw Problems.InvalidQueryParams($"{name} must be true or false."),
        };

    public static long? Integer(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Problems.InvalidQueryParams($"{name} must be an integer.");
    }

    /// <summary>filters[field][conditions][$op][i]=value, and filters[junction].</summary>
    public static (IReadOnlyList<FieldFilter> Filters, string Junction) Filters(HttpRequest request)
    {
        var grouped = new Dictionary<(string Field, string Operator), List<string>>();
        foreach (var (key, values) in request.Query)
        {
            var match = FilterKey().Match(key);
            if (!match.Success)
            {
                if (key.StartsWith("filters[", StringComparison.Ordinal) && key != "filters[junction]")
                {
                    throw Problems.InvalidQueryParams($"Cannot read filter {key}; expected filters[field][conditions][$operator].");
                }

                continue;
            }

            var slot = (match.Groups["field"].Value, match.Groups["op"].Value);
            if (!grouped.TryGetValue(slot, out var list))
            {
                grouped[slot] = list = [];
            }

            list.AddRange(values.Select(v => v ?? string.Empty));
        }

        var filters = grouped.Select(g => new FieldFilter(g.Key.Field, g.Key.Operator, g.Value)).ToList();
        return (filters, Text(request, "filters[junction]") ?? "and");
    }

    [GeneratedRegex(@"^\[\d*\]$")]
    private static partial Regex IndexKey();

    [GeneratedRegex(@"^filters\[(?<field>[a-z_]+)\]\[conditions\]\[(?<op>\$[a-z_]+)\](\[\d*\])?$")]
    private static partial Regex FilterKey();
}
