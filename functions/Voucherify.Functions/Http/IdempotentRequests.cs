using System.Text;
using Microsoft.AspNetCore.Http;
using Voucherify.Core.Idempotency;

namespace Voucherify.Functions.Http;

/// <summary>
/// A POST with an Idempotency-Key runs once: the first request claims the key and its answer is
/// stored; a retry with the same key and body gets that answer back (header Idempotent-Replayed),
/// also when it races the first. A 5xx is not stored, so the client can retry it.
/// </summary>
public sealed class IdempotentRequests(IdempotencyService idempotency)
{
    public const string Header = "Idempotency-Key";

    public static string? KeyOf(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Headers.TryGetValue(Header, out var key) ? key.ToString() : null;

    public async Task RunAsync(HttpContext context, string key, Func<Task> handle)
    {
        var project = context.Request.Project();
        var cancellation = context.RequestAborted;
        var body = await BufferBodyAsync(context.Request);
        var fingerprint = IdempotencyService.Fingerprint(context.Request.Method, context.Request.Path + context.Request.QueryString, body);
        var claim = await idempotency.ClaimAsync(project, key, fingerprint, cancellation);
        if (claim.IsReplay)
        {
            await ReplayAsync(context, claim.Record);
            return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await handle();
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status >= 500)
        {
            await idempotency.ReleaseAsync(project, key, CancellationToken.None);
        }
        else
        {
            await idempotency.CompleteAsync(project, key, status, Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length), CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, cancellation);
    }

    private static async Task<byte[]> BufferBodyAsync(HttpRequest request)
    {
        if (RequestBody.BytesReadAhead(request) is { } read)
        {
            return read;
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: RequestBody.BulkLimit);
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    private static Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.ResponseStatus ?? StatusCodes.Status200OK;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (string.IsNullOrEmpty(record.ResponseBody))
        {
            return Task.CompletedTask;
        }

        // With its length, as the first answer went out: a replay is not a chunked stream either.
        return WireResult.WriteJsonAsync(context.Response, Encoding.UTF8.GetBytes(record.ResponseBody), context.RequestAborted);
    }
}
