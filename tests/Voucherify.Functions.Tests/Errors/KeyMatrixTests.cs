using System.Net;
using Voucherify.DevHost;
using Voucherify.Functions.Http;
using Voucherify.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Voucherify.Functions.Tests.Errors;

/// <summary>
/// Every route of the dev host's route table × {no key, wrong key, client key, another project's server key}:
/// the status the keys deserve, and project B's key never reads or changes anything of project A.
/// </summary>
public sealed class KeyMatrixTests(ITestOutputHelper output) : HostedApiTest
{
    [Fact]
    public async Task Every_route_answers_each_kind_of_key_rightly_and_no_project_reaches_another()
    {
        var seeded = await SeededData.CreateAsync(host.Server);
        string[] markers = [.. seeded.Values, "seeded@example.com", "seeded-customer", "IMPORTED-1"];
        var routes = RouteTable.All();
        using var store = new StoreSnapshot(host);
        var projectA = store.Take(DevDefaults.ProjectId);
        using var noKey = new HttpClient { BaseAddress = host.BaseAddress };
        using var wrongKey = new HttpClient { BaseAddress = host.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("X-App-Id", DevDefaults.AppId);
        wrongKey.DefaultRequestHeaders.Add("X-App-Token", "not-the-token");
        var failures = new List<string>();
        var tried = 0;

        foreach (var route in routes)
        {
            var path = PathFor(route.Route, seeded);
            var isPublic = AccessPolicy.IsPublic(path.Split('?')[0]);
            var isClient = RouteTable.IsClientSide(route.Route);
            var namesA = RouteTable.ParameterNames(route.Route).Count > 0;
            foreach (var method in route.Methods)
            {
                var body = method is "POST" or "PUT" ? "{}" : null;
                async Task Check(string who, HttpClient client, Func<HttpStatusCode, bool> expected, string expectation)
                {
                    tried++;
                    var reply = await client.SendRawAsync(new HttpMethod(method), path, body);
                    if ((int)reply.Status >= 500 || !expected(reply.Status))
                    {
                        failures.Add($"{who}: {method} {path} -> {(int)reply.Status}, expected {expectation}: {reply.Text[..Math.Min(reply.Text.Length, 200)]}");
                    }

                    if (who == "project B" && markers.FirstOrDefault(m => !path.Contains(m, StringComparison.Ordinal) && reply.Text.Contains(m, StringComparison.Ordinal)) is { } leaked)
                    {
                        failures.Add($"{who}: {method} {path} leaked project A's '{leaked}'");
                    }
                }

                if (isPublic)
                {
                    await Check("no key", noKey, s => s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), "no key needed");
                    continue;
                }

                await Check("no key", noKey, s => s == HttpStatusCode.Unauthorized, "401");
                await Check("wrong key", wrongKey, s => s == HttpStatusCode.Unauthorized, "401");
                await Check(
                    "project B",
                    host.OtherProject,
                    s => namesA && method is "GET" or "DELETE" ? s == HttpStatusCode.NotFound : s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    namesA && method is "GET" or "DELETE" ? "404 for project A's object" : "served within project B");
                if (!isClient)
                {
                    await Check("client key", host.ClientSide, s => s == HttpStatusCode.Forbidden, "403");
                }
            }
        }

        Assert.Equal(projectA, store.Take(DevDefaults.ProjectId));

        // Client keys are the project's own keys: on client routes they are served (and may redeem), so they go last.
        foreach (var route in routes.Where(r => RouteTable.IsClientSide(r.Route)))
        {
            foreach (var method in route.Methods)
            {
                tried++;
                var reply = await host.ClientSide.SendRawAsync(new HttpMethod(method), PathFor(route.Route, seeded), method == "POST" ? "{}" : null);
                if (reply.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)reply.Status >= 500)
                {
                    failures.Add($"client key: {method} {route.Route} -> {(int)reply.Status}: {reply.Text}");
                }
            }
        }

        output.WriteLine($"key matrix: {tried} requests on {routes.Count} routes, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The route with project A's seeded ids; client routes get A's code and a cart in the query, as the client SDK sends them.</summary>
    private static string PathFor(string route, SeededData seeded)
    {
        var path = RouteTable.Fill(route, seeded.ValueOf);
        return RouteTable.IsClientSide(route) ? $"{path}?code={SeededData.VoucherCode}&amount=1000" : path;
    }
}
