using System.Text;
using System.Text.Json.Nodes;

namespace Voucherify.Functions.Tests.Support;

/// <summary>JSON over HTTP for tests: send a body, get the status and the parsed answer.</summary>
public static class HttpJson
{
    /// <param name="idempotencyKey">Sent as the Idempotency-Key header when given.</param>
    public static Task<Reply> PostAsync(this HttpClient client, string path, object? body = null, string? idempotencyKey = null) =>
        SendAsync(client, HttpMethod.Post, path, body, idempotencyKey);

    public static Task<Reply> PutAsync(this HttpClient client, string path, object body) => SendAsync(client, HttpMethod.Put, path, body);

    public static Task<Reply> GetJsonAsync(this HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path, null);

    public static Task<Reply> DeleteJsonAsync(this HttpClient client, string path) => SendAsync(client, HttpMethod.Delete, path, null);

    public static async Task<Reply> SendRawAsync(this HttpClient client, HttpMethod method, string path, string? raw, string contentType = "application/json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (raw is not null)
        {
            request.Content = new StringContent(raw, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), text, response.Headers);
    }

    private static Task<Reply> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        var raw = body switch
        {
            null => null,
            string text => text,
            JsonNode node => node.ToJsonString(),
            _ => System.Text.Json.JsonSerializer.Serialize(body),
        };
        return client.SendRawAsync(method, path, raw, idempotencyKey: idempotencyKey);
    }
}
