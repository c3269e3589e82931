using System.Net;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Errors;

/// <summary>Missing and wrong keys, client keys on server endpoints, and one project never seeing another's data.</summary>
public sealed class KeysAndIsolationTests : HostedApiTest
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(DevDefaults.AppId, null)]
    [InlineData(DevDefaults.AppId, "wrong-token")]
    [InlineData("unknown-app", DevDefaults.AppToken)]
    [InlineData(DevDefaults.ClientId, DevDefaults.ClientToken)]
    public async Task Missing_or_wrong_server_keys_are_a_401(string? appId, string? token)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        if (appId is not null)
        {
            client.DefaultRequestHeaders.Add("X-App-Id", appId);
        }

        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("X-App-Token", token);
        }

        (await client.GetJsonAsync("/v1/vouchers")).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
        (await client.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SNEAK"))).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
        (await host.Server.GetJsonAsync("/v1/vouchers/SNEAK")).ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("GET", "/v1/vouchers")]
    [InlineData("POST", "/v1/vouchers")]
    [InlineData("POST", "/v1/campaigns")]
    [InlineData("GET", "/v1/redemptions")]
    [InlineData("POST", "/v1/vouchers/ANY/redemption")]
    [InlineData("GET", "/v1/async-actions")]
    public async Task Client_keys_are_refused_on_server_endpoints_with_403(string method, string path)
    {
        (await host.ClientSide.SendRawAsync(new HttpMethod(method), path, method == "GET" ? null : "{}")).ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Client_endpoints_refuse_missing_client_keys()
    {
        (await host.Anonymous.GetJsonAsync("/client/v1/validate?code=X")).ExpectError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_project_cannot_read_redeem_or_change_another_projects_vouchers()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("MINE", 100, quantity: 1));
        var redemption = (await host.Server.PostAsync("/v1/vouchers/MINE/redemption", Bodies.Order(1000))).Str("id");

        (await host.OtherProject.GetJsonAsync("/v1/vouchers/MINE")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.OtherProject.PostAsync("/v1/vouchers/MINE/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.OtherProject.PostAsync("/v1/vouchers/MINE/disable")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.OtherProject.GetJsonAsync($"/v1/redemptions/{redemption}")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.OtherProject.PostAsync($"/v1/redemptions/{redemption}/rollback")).ExpectError(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await host.OtherProject.GetJsonAsync("/v1/vouchers")).Long("total"));
        Assert.Equal(1, (await host.OtherProject.GetJsonAsync("/v1/redemptions")).Long("total"));

        var mine = (await host.Server.GetJsonAsync("/v1/vouchers/MINE")).Json;
        Assert.True(mine["active"]!.GetValue<bool>());
        Assert.Equal(1, mine["redemption"]!["redeemed_quantity"]!.GetValue<long>());
    }

    [Fact]
    public async Task Two_projects_may_use_the_same_code_independently()
    {
        (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SHARED", 100))).Expect(HttpStatusCode.OK);
        (await host.OtherProject.PostAsync("/v1/vouchers", Bodies.AmountVoucher("SHARED", 900))).Expect(HttpStatusCode.OK);

        Assert.Equal(100, (await host.Server.GetJsonAsync("/v1/vouchers/SHARED")).Long("discount.amount_off"));
        Assert.Equal(900, (await host.OtherProject.GetJsonAsync("/v1/vouchers/SHARED")).Long("discount.amount_off"));
    }

    [Fact]
    public async Task Client_keys_limited_to_origins_refuse_other_origins_with_403()
    {
        await using var strict = await ServiceHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Voucherify:Projects:0:ClientKeys:0:AllowedOrigins:0"] = "https://shop.example",
        });
        await strict.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("ORIGIN", 100));

        var noOrigin = await strict.ClientSide.GetJsonAsync("/client/v1/validate?code=ORIGIN&amount=1000");
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/client/v1/validate?code=ORIGIN&amount=1000") { Headers = { { "Origin", "https://evil.example" } } };
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/client/v1/validate?code=ORIGIN&amount=1000") { Headers = { { "Origin", "https://shop.example" } } };

        noOrigin.ExpectError(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await strict.ClientSide.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await strict.ClientSide.SendAsync(allowed)).StatusCode);
    }
}
