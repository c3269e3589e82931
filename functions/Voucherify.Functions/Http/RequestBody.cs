using System.Buffers;
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

    // Above this a declared length is not trusted with an array up front: the body grows as it arrives instead.
    private const long ExactReadLimit = 64 * 1024;

    private static readonly JsonReaderOptions Syntax = new() { MaxDepth = 32 };

    /// <summary>
    /// Reads and checks a POST/PUT/PATCH body before any function runs, so a malformed or non-JSON
    /// body is a 4xx on every route, also on those that take no body (enable, disable), and never
    /// half-handled. The functions then bind the checked bytes instead of reading the stream again.
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

        request.HttpContext.Items[ReadItem] = new ReadBody(await ReadCheckedAsync(request, BulkLimit));
    }

    /// <summary>The body bytes as read ahead by the pipeline, or null when the request had none.</summary>
    internal static byte[]? BytesReadAhead(HttpRequest request) => (request.HttpContext.Items[ReadItem] as ReadBody)?.Bytes;

    public static async ValueTask<T> ReadAsync<T>(HttpRequest request, long limit = DefaultLimit)
        where T : class
    {
        var bytes = await BytesAsync(request, limit);
        return bytes.Length == 0 ? throw Problems.InvalidPayload("The body is empty; a JSON object is required.") : BindObject<T>(bytes);
    }

    /// <summary>For endpoints where a body is optional (validate without an order, rollback): an empty body reads as {}.</summary>
    public static async ValueTask<T> ReadOptionalAsync<T>(HttpRequest request, long limit = DefaultLimit)
        where T : class, new()
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Body.CanSeek && string.IsNullOrEmpty(request.ContentType)))
        {
            return new T();
        }

        var bytes = await BytesAsync(request, limit);
        return bytes.Length == 0 ? new T() : BindObject<T>(bytes);
    }

    public static async Task<JsonNode?> ReadNodeAsync(HttpRequest request, long limit = DefaultLimit, bool allowEmpty = false)
    {
        var bytes = await BytesAsync(request, limit);
        if (bytes.Length == 0)
        {
            return allowEmpty ? null : throw Problems.InvalidPayload("The body is empty; a JSON object is required.");
        }

        return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = Syntax.MaxDepth });
    }

    public static T Bind<T>(JsonNode node) => WireBinding.Bind<T>(node);

    /// <summary>Binds checked bytes straight to the record: no intermediate JSON tree on the hot paths.</summary>
    private static T BindObject<T>(byte[] bytes)
    {
        if (bytes.AsSpan().TrimStart(" \t\r\n"u8)[0] != (byte)'{')
        {
            throw Problems.InvalidPayload("The body must be a JSON object.");
        }

        return WireBinding.Bind<T>(bytes);
    }

    /// <summary>The body, checked, from the pipeline's read-ahead or (outside the pipeline) from the stream.</summary>
    private static async ValueTask<byte[]> BytesAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.PayloadTooLarge(limit);
        }

        if (request.HttpContext.Items[ReadItem] is ReadBody read)
        {
            return read.Bytes.Length > limit ? throw Problems.PayloadTooLarge(limit) : read.Bytes;
        }

        return await ReadCheckedAsync(request, limit);
    }

    private static async ValueTask<byte[]> ReadCheckedAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.PayloadTooLarge(limit);
        }

        var mediaType = MediaType(request.ContentType);
        if (!mediaType.IsEmpty && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.UnsupportedMediaType(request.ContentType);
        }

        var bytes = request.ContentLength is { } length and <= ExactReadLimit
            ? await ReadExactlyAsync(request.Body, length, request.HttpContext.RequestAborted)
            : await ReadLimitedAsync(request.Body, limit, request.HttpContext.RequestAborted);
        if (bytes.Length > 0)
        {
            Check(bytes);
        }

        return bytes;
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        var type = contentType.AsSpan();
        var parameters = type.IndexOf(';');
        return (parameters < 0 ? type : type[..parameters]).Trim();
    }

    /// <summary>
    /// One allocation-free pass over the bytes: valid UTF-8 (the parser leaves strings unchecked, and binding
    /// them later would fail deep in a function), JSON syntax, nesting depth, and an object or array at the
    /// top, like the hosted API's strict parser (a bare string, number or null is no request body).
    /// </summary>
    private static void Check(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw Problems.MalformedJson("The body is not valid UTF-8.");
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, Syntax);
            if (reader.Read() && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                throw Problems.InvalidPayload("The body must be a JSON object or array.");
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            throw Problems.MalformedJson(exception.Message);
        }
    }

    /// <summary>A body of declared length (every SDK's) read into one array of that size: no copy, no growing buffer.</summary>
    private static async ValueTask<byte[]> ReadExactlyAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        int read;
        while (filled < bytes.Length && (read = await source.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        // Kestrel ends the body at the declared length and fails a connection that closes short of it.
        return filled == bytes.Length ? bytes : bytes[..filled];
    }

    private static async ValueTask<byte[]> ReadLimitedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw Problems.PayloadTooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
