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

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.UnsupportedMediaType(request.ContentType);
        }

        using var buffer = new MemoryStream();
        await CopyLimitedAsync(request.Body, buffer, limit, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return allowEmpty ? null : throw Problems.InvalidPayload("The body is empty; a JSON object is required.");
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException exception)
        {
            throw Problems.MalformedJson(exception.Message);
        }
    }

    public static T Bind<T>(JsonNode node) => WireBinding.Bind<T>(node);

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
