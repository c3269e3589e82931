using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>The node at a dotted store path ("redemption.redeemed_quantity"), as conditions and patches name them.</summary>
public static class DocumentPaths
{
    /// <returns>The node, or null when a segment is missing, a parent is not an object, or the value is JSON null.</returns>
    public static JsonNode? Get(JsonObject body, string path)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(path);

        // Most paths are one name: no split for them.
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return body.TryGetPropertyValue(path, out var value) ? value : null;
        }

        return Get(body, path.Split('.'));
    }

    /// <summary>The node at a path already split into its names, for a caller that reads the same path again and again.</summary>
    public static JsonNode? Get(JsonObject body, ReadOnlySpan<string> segments)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonNode? current = body;
        foreach (var segment in segments)
        {
            if (current is not JsonObject node || !node.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
