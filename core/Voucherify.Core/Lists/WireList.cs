using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Voucherify.Core.Json;

namespace Voucherify.Core.Lists;

/// <summary>The contract's list envelope, whose array property is named by data_ref.</summary>
public static class WireList
{
    public static JsonObject Of<T>(string dataRef, IEnumerable<T> items, long total)
    {
        // A typed item stays itself inside the envelope and is written with the wire's options when the answer is: made
        // into a tree first, it was written out and parsed back, and then written again, a third of the CPU of a page of
        // redemptions. A tree is copied, as it was: it may be another list's, or shared.
        var typeInfo = (JsonTypeInfo<T>)Wire.Options.GetTypeInfo(typeof(T));
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item switch
            {
                null => null,
                JsonNode node => node.DeepClone(),
                _ => JsonValue.Create(item, typeInfo),
            });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data_ref"] = dataRef,
            [dataRef] = array,
            ["total"] = total,
        };
    }
}
