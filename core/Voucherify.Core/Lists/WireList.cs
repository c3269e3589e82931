using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Lists;

/// <summary>The contract's list envelope, whose array property is named by data_ref.</summary>
public static class WireList
{
    public static JsonObject Of<T>(string dataRef, IEnumerable<T> items, long total)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(DocumentJson.ToNode(item));
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
