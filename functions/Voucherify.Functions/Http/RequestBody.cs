using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;

namespace Voucherify.Functions.Http;

/// <summary>
/// Reads a JSON body into a request record. Anything a client can get wrong (content type, size,
/// syntax, types) becomes the contract's 4xx here, before any domain code runs.
/// </summary>
public static class RequestBody
{
    public const long DefaultLimit = 1024 * 1024;

    public const long BulkLimit = 10 * 1024 * 1024;

    private const string ReadItem = "voucherify.body";

    /// <summary>
    /// Reads and parses a POST/PUT/PATCH body before any function runs, so a malformed or non-JSON
    /// body is a 4xx on every route, also on those that take no body (enable, disable), and never
    /// half-handled. The functions then get the parsed body from here instead of reading it again.
    /// </summary>
    public static async Task ReadAheadAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            return;
        }

        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return;
        }

        var bytes = await ReadBytesAsync(request, BulkLimit);
        var node = bytes.Length == 0 ? null : Parse(bytes);
        if (node is not null and not JsonObject and not JsonArray)
        {
            // Like the hosted API's strict JSON parser: a bare string, number or null is no request body.
            throw Problems.InvalidPayload("The body must be a JSON object or array.");
        }

        request.HttpContext.Items[ReadItem] = new ReadBody(bytes, node);
    }

    /// <summary>The body bytes as read ahead by the pipeline, or null when the request had none.</summary>
    internal static byte[]? BytesReadAhead(HttpRequest request) => (request.HttpContext.Items[ReadItem] as ReadBody)?.Bytes;

    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit = DefaultLimit)
        where T : class
    {
        var node = await ReadNodeAsync(request, limit);
        if (node is not JsonObject)
        {
            throw Problems.InvalidPayload("The body must be a JSON object.");
        }

        return Bind<T>(node);
    }

    /// <summary>For endpoints where a body is optional (validate without an order, rollback): an empty body reads as {}.</summary>
    public static async Task<T> ReadOptionalAsync<T>(HttpRequest request, long limit = DefaultLimit)
        where T : class, new()
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Body.CanSeek && string.IsNullOrEmpty(request.ContentType)))
        {
            return new T();
        }

        var node = await ReadNodeAsync(request, limit, allowEmpty: true);
        return node switch
        {
            null => new T(),
            JsonObject => Bind<T>(node),
            _ => throw Problems.InvalidPayload("The body must be a JSON object."),
        };
    }

    public static async Task<JsonNode?> ReadNodeAsync(HttpRequest request, long limit = DefaultLimit, bool allowEmpty = false)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.PayloadTooLarge(limit);
        }

        JsonNode? node;
        if (request.HttpContext.Items[ReadItem] is ReadBody read)
        {
            node = read.Bytes.Length > limit ? throw Problems.PayloadTooLarge(limit) : read.Node;
        }
        else
        {
            var bytes = await ReadBytesAsync(request, limit);
            node = bytes.Length == 0 ? null : Parse(bytes);
        }

        return node ?? (allowEmpty ? null : throw Problems.InvalidPayload("The body is empty; a JSON object is required."));
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.PayloadTooLarge(limit);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.UnsupportedMediaType(request.ContentType);
        }

        using var buffer = new MemoryStream();
        await CopyLimitedAsync(request.Body, buffer, limit, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        // The parser does not check the UTF-8 of strings; binding them later would fail deep in a function.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw Problems.MalformedJson("The body is not valid UTF-8.");
        }

        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException exception)
        {
            throw Problems.MalformedJson(exception.Message);
        }
    }

    public static T Bind<T>(JsonNode node)
    {
        try
        {
            return node.Deserialize<T>(Wire.Options) ?? throw Problems.InvalidPayload("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) ? string.Empty : $" at {exception.Path}";
            throw Problems.InvalidPayload($"Invalid value{where}: {FirstSentence(exception.Message)}");
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw Problems.InvalidPayload(exception.Message);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static async Task CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw Problems.PayloadTooLarge(limit);
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }
}
