using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Sourced;

/// <summary>
/// The fields a request body actually sent, in their checked form: the body is bound to a typed request first (so
/// types are checked and money normalised), then only the fields present in the raw body are taken from it. An
/// explicit null clears a field; a field not sent is left as it is.
/// </summary>
public static class WireChanges
{
    public static JsonObject Of<T>(JsonObject raw, T typed, IEnumerable<string> fields)
    {
        var normalised = DocumentJson.ToNode(typed)?.AsObject() ?? [];
        var changes = new JsonObject();
        foreach (var field in fields)
        {
            if (raw.TryGetPropertyValue(field, out var sent))
            {
                changes[field] = sent is null || sent.GetValueKind() == JsonValueKind.Null ? null : normalised[field]?.DeepClone();
            }
        }

        return changes;
    }

    /// <summary>Writes the changes over a copy of <paramref name="current"/> (or a new object).</summary>
    public static JsonObject Apply(JsonObject? current, JsonObject changes)
    {
        var next = current?.DeepClone().AsObject() ?? [];
        foreach (var (field, value) in changes)
        {
            next[field] = value?.DeepClone();
        }

        return next;
    }
}
