using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.Http;

/// <summary>
/// One token bucket per (project, key), so one shop's flood never slows another project or another key.
/// A request over the limit is refused before its function runs, with 429 and Retry-After.
/// </summary>
public sealed class RequestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Caller>? limiter;

    public RequestRateLimiter(IOptions<VoucherifyOptions> options)
    {
        var settings = options.Value.RateLimit;
        if (!settings.Enabled)
        {
            return;
        }

        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerPeriod,
            ReplenishmentPeriod = settings.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter = PartitionedRateLimiter.Create<Caller, (string, KeyRole, string)>(
            caller => RateLimitPartition.GetTokenBucketLimiter((caller.Project.Id, caller.Role, caller.KeyId), _ => bucket));
    }

    /// <summary>Takes one permit for the caller's key or throws the contract's 429 with the seconds to wait.</summary>
    public void Acquire(HttpContext context, Caller caller)
    {
        if (limiter is null)
        {
            return;
        }

        using var lease = limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return;
        }

        throw Problems.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => limiter?.Dispose();
}
