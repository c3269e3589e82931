using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Keyset position after the last document of a page: its segment (<see cref="CosmosOrdering"/>) and sort
/// value, its id and partition key, and the ordering it was made for. Keyset rather than the SDK's
/// own continuation because OFFSET/LIMIT and cross-partition ORDER BY continuations are exactly
/// what the local server cannot do, and a keyset token survives writes between pages.
/// </summary>
internal sealed record CosmosContinuation(string OrderBy, bool Descending, int Rank, JsonNode? Value, string Id, string PartitionKey)
{
    public string Encode()
    {
        var json = new JsonObject
        {
            ["o"] = OrderBy,
            ["d"] = Descending,
            ["r"] = Rank,
            ["v"] = Value?.DeepClone(),
            ["i"] = Id,
            ["p"] = PartitionKey,
        };
        return Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static CosmosContinuation Decode(string token, string orderBy, bool descending)
    {
        try
        {
            var root = JsonNode.Parse(Base64Url.DecodeFromChars(token))!.AsObject();
            var continuation = new CosmosContinuation(
                root["o"]!.GetValue<string>(),
                root["d"]!.GetValue<bool>(),
                root["r"]!.GetValue<int>(),
                root["v"]?.DeepClone(),
                root["i"]!.GetValue<string>(),
                root["p"]!.GetValue<string>());
            if (continuation.Rank is < CosmosOrdering.Nullish or > CosmosOrdering.Other)
            {
                throw new FormatException("The token names no segment of the listing order.");
            }

            if (continuation.OrderBy != orderBy || continuation.Descending != descending)
            {
                throw new FormatException("The token belongs to another ordering.");
            }

            return continuation;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or NullReferenceException or InvalidOperationException)
        {
            throw new ArgumentException("The continuation token is not valid for this query.", nameof(token), exception);
        }
    }
}
