using System.Text.Json.Nodes;

namespace Voucherify.Core.Rules.Engine;

/// <summary>Reads a dotted path ("address.city", "metadata.color") out of a wire body.</summary>
public static class BodyPath
{
    public static RuleValue Read(JsonObject? body, string path)
    {
        JsonNode? node = body;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject json ? json[segment] : null;
            if (node is null)
            {
                return RuleValue.Missing;
            }
        }

        return RuleValue.From(node);
    }

    public static RuleValue Property(JsonObject? metadata, string property) => RuleValue.From(metadata?[property]);
}
