using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Voucherify.Core.Json;

namespace Voucherify.Functions.Http;

/// <summary>
/// Writes a body in the wire JSON shape. Our own result type, so the Function App and the dev host
/// answer byte for byte alike without depending on MVC formatters.
/// </summary>
public sealed class WireResult(int statusCode, object? body) : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public object? Body { get; } = body;

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    /// <summary>Writes the answer; for callers outside MVC (the pipeline's errors) that have no action to describe.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCode;
        if (Body is null)
        {
            return Task.CompletedTask;
        }

        // Serialized whole, then written with its length: one write and no chunked framing, instead of a stream flushed
        // in chunks. Responses are pages of at most a few hundred objects, so holding one in memory is cheap.
        if (TryWriteFast(response, Body))
        {
            return response.BodyWriter.FlushAsync(context.RequestAborted).AsTask();
        }

        return WriteJsonAsync(response, JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), Wire.Options), context.RequestAborted);
    }

    /// <summary>A JSON answer already serialized (a fresh one, or a replayed one), with its length: never chunked.</summary>
    public static Task WriteJsonAsync(HttpResponse response, byte[] json, CancellationToken cancellationToken)
    {
        Frame(response, json.Length);
        return response.Body.WriteAsync(json, cancellationToken).AsTask();
    }

    // Synchronous on purpose: the fast writer's bytes live in a buffer of this thread, copied into the response's pipe
    // here, before any await could let the thread serve another answer into it.
    private static bool TryWriteFast(HttpResponse response, object body)
    {
        if (!WireFastPath.TrySerialize(body, out var json))
        {
            return false;
        }

        Frame(response, json.Length);
        response.BodyWriter.Write(json);
        return true;
    }

    private static void Frame(HttpResponse response, int length)
    {
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = length;
    }
}
