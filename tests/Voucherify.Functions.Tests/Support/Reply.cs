using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Voucherify.Functions.Tests.Support;

public sealed record Reply(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseHeaders Headers)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"Empty body (status {(int)Status}).");

    public Reply Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Text}");
        return this;
    }

    /// <summary>A contract error: the status, its key, and the fields every error carries.</summary>
    public Reply ExpectError(HttpStatusCode status, string key)
    {
        Expect(status);
        Assert.Equal((int)status, Json["code"]!.GetValue<int>());
        Assert.Equal(key, Json["key"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(Json["message"]?.GetValue<string>()));
        Assert.StartsWith("v-", Json["request_id"]!.GetValue<string>());
        return this;
    }

    public string Str(string path) => Node(path)!.GetValue<string>();

    public long Long(string path) => Node(path)!.GetValue<long>();

    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = int.TryParse(part, out var index) ? node?[index] : node?[part];
        }

        return node;
    }
}
