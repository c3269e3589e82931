using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Storage;

namespace Voucherify.Functions.Http;

/// <summary>
/// What every request goes through before and after its function, in one place for both hosts
/// (worker middleware in the Function App, ASP.NET middleware in the dev host): a request id,
/// the caller's keys, the per-key rate limit, every failure turned into the contract's error object, and the mark that
/// lets the store commit the request's writes ahead of background work (<see cref="WriteUrgency"/>).
/// </summary>
public sealed class RequestPipeline(CallerAuthenticator authenticator, RequestRateLimiter rateLimiter, IdempotentRequests idempotent, ILogger<RequestPipeline> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        WriteUrgency.MarkCallerWaiting();
        var requestId = IdGenerator.NewLabel(IdPrefixes.Request, 18);
        context.SetRequestId(requestId);
        context.Response.Headers["X-Request-Id"] = requestId;
        try
        {
            if (!AccessPolicy.IsPublic(context.Request.Path))
            {
                var caller = authenticator.Authenticate(context.Request);
                rateLimiter.Acquire(context, caller);
                context.SetCaller(caller);
            }

            await RequestBody.ReadAheadAsync(context.Request);

            if (IdempotentRequests.KeyOf(context.Request) is { } key && context.HasCaller())
            {
                await idempotent.RunAsync(context, key, () => AnswerAsync(context, next));
                return;
            }

            await next();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await WriteFailureAsync(context, exception);
        }
    }

    /// <summary>Runs the function and writes its failure as an error object, so the whole answer can be captured.</summary>
    private async Task AnswerAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await WriteFailureAsync(context, exception);
        }
    }

    public static Task WriteErrorAsync(HttpContext context, ApiError error, int? retryAfterSeconds = null)
    {
        context.Response.Clear();
        context.Response.Headers["X-Request-Id"] = context.RequestId();
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new WireResult(error.Code, error with { RequestId = context.RequestId() }).WriteAsync(context);
    }

    private Task WriteFailureAsync(HttpContext context, Exception exception)
    {
        if (StoreFailures.RetryAfter(exception) is { } wait)
        {
            logger.LogWarning(exception, "The store is busy on {Method} {Path}; answered 503", context.Request.Method, context.Request.Path);
            exception = Problems.ServiceUnavailable(wait);
        }

        return WriteErrorAsync(context, ToError(exception, context), (exception as ApiException)?.RetryAfterSeconds);
    }

    private ApiError ToError(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case ApiException api:
                return api.Error;
            case JsonException json:
                return Problems.InvalidPayload(json.Message).Error;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return Problems.PayloadTooLarge(context.Request.ContentLength ?? 0).Error;
            case BadHttpRequestException bad:
                return Problems.InvalidPayload(bad.Message).Error;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new ApiError(499, "client_closed_request", "Client closed request");
            default:
                logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
                return Problems.Internal().Error;
        }
    }
}
