using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Voucherify.Functions.Http;

/// <summary>
/// Rebuilds the JSON a client encoded as deepObject query parameters
/// (item[0][price]=1500, customer[source_id]=x, order[metadata][k]=v), so GET endpoints can feed
/// the same request records as POST bodies.
/// </summary>
public static partial class DeepObjectQuery
{
    /// <summary>The object under <paramref name="name"/>, or null when the query has none of it.</summary>
    public static JsonNode? Read(HttpRequest request, string name, IReadOnlySet<string>? numericLeaves = null)
    {
        JsonNode? root = null;
        foreach (var (key, values) in request.Query)
        {
            var match = Path().Match(key);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var segments = match.Groups["segment"].Captures.Select(c => c.Value).ToList();
            var value = values.LastOrDefault() ?? string.Empty;
            root = Set(root, segments, Leaf(segments.LastOrDefault(), value, numericLeaves));
        }

        return root;
    }

    private static JsonNode? Leaf(string? field, string value, IReadOnlySet<string>? numericLeaves) =>
        field is not null && numericLeaves?.Contains(field) == true && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);

    private static JsonNode? Set(JsonNode? node, IReadOnlyList<string> segments, JsonNode? leaf)
    {
        if (segments.Count == 0)
        {
            return leaf;
        }

        var head = segments[0];
        var rest = segments.Skip(1).ToList();
        if (int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < 500)
        {
            var array = node as JsonArray ?? [];
            while (array.Count <= index)
            {
                array.Add(null);
            }

            array[index] = Set(array[index]?.DeepClone(), rest, leaf);
            return array;
        }

        var obj = node as JsonObject ?? [];
        obj[head] = Set(obj[head]?.DeepClone(), rest, leaf);
        return obj;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\[(?<segment>[^\[\]]+)\])*$")]
    private static partial Regex Path();
}
