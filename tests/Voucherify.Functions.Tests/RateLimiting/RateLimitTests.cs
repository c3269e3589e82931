using System.Net;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.RateLimiting;

/// <summary>Per-key token buckets: a flood gets 429 with Retry-After, and only the flooding key is held back.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 5;

    private ServiceHost host = null!;

    // A refill period far longer than the test, so no token comes back while it runs.
    public async Task InitializeAsync() => host = await ServiceHost.StartAsync(settings: new Dictionary<string, string>
    {
        ["Voucherify:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Voucherify:RateLimit:PermitsPerPeriod"] = "1",
        ["Voucherify:RateLimit:Period"] = "00:10:00",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_key_over_its_burst_gets_429_with_the_error_object_and_Retry_After()
    {
        for (var i = 0; i < Burst; i++)
        {
            (await host.Server.GetJsonAsync("/v1/vouchers")).Expect(HttpStatusCode.OK);
        }

        var refused = (await host.Server.GetJsonAsync("/v1/vouchers")).ExpectError(HttpStatusCode.TooManyRequests, "too_many_requests");

        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(refused.Str("request_id"), refused.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        for (var i = 0; i < Burst; i++)
        {
            await host.Server.GetJsonAsync("/v1/vouchers");
        }

        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("THROTTLED"))).ExpectError(HttpStatusCode.TooManyRequests, "too_many_requests");

        (await host.OtherProject.GetJsonAsync("/v1/vouchers/THROTTLED")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task One_keys_flood_does_not_throttle_another_projects_key_or_the_same_projects_client_key()
    {
        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => host.Server.GetJsonAsync("/v1/vouchers")));

        Assert.Equal(Burst, flood.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(40 - Burst, flood.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        for (var i = 0; i < Burst; i++)
        {
            (await host.OtherProject.GetJsonAsync("/v1/vouchers")).Expect(HttpStatusCode.OK);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await host.ClientSide.GetJsonAsync("/client/v1/validate?code=NONE&amount=100")).Status);
        }
    }

    [Fact]
    public async Task Requests_without_valid_keys_are_refused_as_401_not_counted_against_the_key()
    {
        using var wrong = new HttpClient { BaseAddress = host.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-App-Id", DevDefaults.AppId);
        wrong.DefaultRequestHeaders.Add("X-App-Token", "wrong");
        for (var i = 0; i < Burst * 2; i++)
        {
            (await wrong.GetJsonAsync("/v1/vouchers")).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
        }

        (await host.Server.GetJsonAsync("/v1/vouchers")).Expect(HttpStatusCode.OK);
        (await host.Anonymous.GetJsonAsync("/health")).Expect(HttpStatusCode.OK);
    }
}
