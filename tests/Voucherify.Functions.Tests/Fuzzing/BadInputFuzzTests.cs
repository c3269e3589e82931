using System.Text.Json.Nodes;
using Voucherify.Functions.Http;
using Voucherify.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Voucherify.Functions.Tests.Fuzzing;

/// <summary>
/// Every route of the route table the dev host serves (so routes added later are covered without
/// touching this test) against a seeded stream of malformed and hostile requests: never a 5xx; every
/// 4xx is the contract's error object and leaves the store exactly as it was; certainly-invalid
/// requests are always a 4xx.
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output) : HostedApiTest
{
    public const int Seed = 20261125;

    [Fact]
    public async Task Hostile_requests_on_every_route_get_the_error_object_never_a_5xx_and_change_nothing()
    {
        var seeded = await SeededData.CreateAsync(host.Server);
        var routes = RouteTable.All();
        var generator = new HostileRequests(Seed);
        using var store = new StoreSnapshot(host);
        var failures = new List<string>();
        var tried = 0;
        var accepted = 0;
        var before = store.Take();

        foreach (var route in routes)
        {
            foreach (var fuzz in generator.For(route, seeded.ValueOf))
            {
                tried++;
                var (status, text) = await SendAsync(ClientFor(route.Route), fuzz);
                var problem = Judge(fuzz, status, text);
                if (status == 202 && JsonNode.Parse(text)?["async_action_id"]?.GetValue<string>() is { } action)
                {
                    // Accepted work writes in the background; let it finish so it is not mistaken for a later request's write.
                    await host.Server.WaitForAsync(action);
                }

                var after = store.Take();
                if (problem is null && status >= 400 && after != before)
                {
                    problem = "the store changed on a rejected request";
                }

                if (problem is not null)
                {
                    failures.Add($"{fuzz} -> {status}: {problem} {text[..Math.Min(text.Length, 300)]}");
                }

                accepted += status < 400 ? 1 : 0;
                before = after;
            }
        }

        output.WriteLine($"bad-input fuzzing (seed {Seed}): {tried} requests on {routes.Count} routes, {accepted} accepted as valid, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} hostile requests failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(tried > 1000, $"only {tried} cases were generated");
    }

    private static string? Judge(FuzzCase fuzz, int status, string text)
    {
        if (status >= 500)
        {
            return "a 5xx";
        }

        if (status < 400)
        {
            return fuzz.CertainlyInvalid ? "a certainly invalid request was accepted" : null;
        }

        try
        {
            var error = JsonNode.Parse(text)!.AsObject();
            return error["code"]?.GetValue<int>() == status
                && !string.IsNullOrEmpty(error["key"]?.GetValue<string>())
                && !string.IsNullOrEmpty(error["message"]?.GetValue<string>())
                && error["request_id"]?.GetValue<string>().StartsWith("v-", StringComparison.Ordinal) == true
                ? null
                : "not the contract's error object";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            return "not the contract's error object";
        }
    }

    private static async Task<(int Status, string Text)> SendAsync(HttpClient client, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpClient ClientFor(string route) =>
        AccessPolicy.IsPublic("/" + route) ? host.Anonymous
        : RouteTable.IsClientSide(route) ? host.ClientSide
        : host.Server;
}
