namespace Voucherify.Functions.Hosting;

/// <summary>
/// Per-key request limit (section "Voucherify:RateLimit"): a token bucket per project and key that holds
/// <see cref="Burst"/> requests and refills <see cref="PermitsPerPeriod"/> every <see cref="Period"/>.
/// Burst 0 turns limiting off, which is the default so the dev host, the tests and the benchmark run unthrottled.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a key may send at once before it must wait for refills; 0 = no limit.</summary>
    public int Burst { get; set; }

    public int PermitsPerPeriod { get; set; } = 100;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => Burst > 0 && PermitsPerPeriod > 0 && Period > TimeSpan.Zero;
}
