using System.Net;
using System.Text;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Errors;

/// <summary>Client mistakes get the contract's error object with a 4xx, never a 5xx, and change nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ServiceHost.StartAsync();
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("EXISTING", 100, quantity: 10));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> Bodies400 => new()
    {
        { "/v1/vouchers", "{" },
        { "/v1/vouchers", "[1,2]" },
        { "/v1/vouchers", "null" },
        { "/v1/vouchers", "\"text\"" },
        { "/v1/vouchers", """{"code":"X1","discount":{"type":"AMOUNT","amount_off":"ten"}}""" },
        { "/v1/vouchers", """{"code":"X2","discount":{"type":"AMOUNT","amount_off":10.5}}""" },
        { "/v1/vouchers", """{"code":"X3","discount":{"type":"AMOUNT","amount_off":-100}}""" },
        { "/v1/vouchers", """{"code":"X4","discount":{"type":"PERCENT","percent_off":101}}""" },
        { "/v1/vouchers", """{"code":"X5","discount":{"type":"BOGUS"}}""" },
        { "/v1/vouchers", """{"code":"X6","discount":{"type":"AMOUNT","amount_off":100000000000000000000000}}""" },
        { "/v1/vouchers", """{"code":"X7","discount":{"type":"AMOUNT","amount_off":100},"redemption":{"quantity":-1}}""" },
        { "/v1/vouchers", """{"code":"X8","discount":{"type":"AMOUNT","amount_off":100},"start_date":"not a date"}""" },
        { "/v1/vouchers", """{"code":"X9","discount":{"type":"AMOUNT","amount_off":100},"validity_timeframe":{"interval":"P2D","duration":"PT1H"}}""" },
        { "/v1/vouchers", """{"code":"X10","discount":{"type":"AMOUNT","amount_off":100},"validity_day_of_week":[9]}""" },
        { "/v1/vouchers", """{"code":"X11","discount":{"type":"AMOUNT","amount_off":100},"active":"yes"}""" },
        { "/v1/vouchers", """{"code":"has space","discount":{"type":"AMOUNT","amount_off":100}}""" },
        { "/v1/vouchers", """{"code":"X12","type":"GIFT_VOUCHER","gift":{"amount":100}}""" },
        { "/v1/vouchers", """{"code":"X13"}""" },
        { "/v1/vouchers", """{"code":"X14","discount":{"type":"AMOUNT","amount_off":100},"metadata":"flat"}""" },
        { "/v1/vouchers", new string('[', 200) + new string(']', 200) },
        { "/v1/vouchers/EXISTING/validate", """{"order":{"amount":"lots"}}""" },
        { "/v1/vouchers/EXISTING/validate", """{"order":{"items":[{"quantity":"two","price":100}]}}""" },
        { "/v1/vouchers/EXISTING/redemption", """{"order":{"amount":99999999999999999999}}""" },
        { "/v1/vouchers/EXISTING/redemption", """{"order":{"items":"none"}}""" },
        { "/v1/vouchers/EXISTING/redemption", "{\"order\":" },
        { "/v1/campaigns", """{"name":"","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""" },
        { "/v1/campaigns", """{"name":"c","vouchers_count":"many","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}""" },
        { "/v1/vouchers/import", "{}" },
        { "/v1/vouchers/import", "[]" },
    };

    [Theory]
    [MemberData(nameof(Bodies400))]
    public async Task A_malformed_or_invalid_body_is_a_400_and_changes_nothing(string path, string body)
    {
        var before = await SnapshotAsync();

        var reply = await host.Server.SendRawAsync(HttpMethod.Post, path, body);

        reply.ExpectError(HttpStatusCode.BadRequest, "invalid_payload");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        (await host.Server.SendRawAsync(HttpMethod.Post, "/v1/vouchers", "code=A", "application/x-www-form-urlencoded")).ExpectError(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var huge = "{\"code\":\"BIG\",\"additional_info\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

        (await host.Server.SendRawAsync(HttpMethod.Post, "/v1/vouchers", huge)).ExpectError(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Odd_unicode_in_codes_and_metadata_round_trips_or_is_refused_cleanly()
    {
        var body = Bodies.AmountVoucher("ZÜRICH-🎉-名");
        body["metadata"] = new System.Text.Json.Nodes.JsonObject { ["note"] = "\u202Eevil\u0000" };

        var reply = await host.Server.PostAsync("/v1/vouchers", body);

        reply.Expect(HttpStatusCode.OK);
        var read = (await host.Server.GetJsonAsync("/v1/vouchers/" + Uri.EscapeDataString("ZÜRICH-🎉-名"))).Expect(HttpStatusCode.OK);
        Assert.Equal("\u202Eevil\u0000", read.Str("metadata.note"));
    }

    [Fact]
    public async Task Unknown_paths_and_methods_answer_with_the_error_object()
    {
        (await host.Server.GetJsonAsync("/v1/nothing-here")).ExpectError(HttpStatusCode.NotFound, "not_found");
        (await host.Server.SendRawAsync(HttpMethod.Patch, "/v1/vouchers/EXISTING", "{}")).ExpectError(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Every_error_carries_the_request_id_also_sent_as_a_header()
    {
        var reply = await host.Server.GetJsonAsync("/v1/vouchers/NOPE");

        Assert.Equal(reply.Str("request_id"), reply.Headers.GetValues("X-Request-Id").Single());
    }

    private async Task<string> SnapshotAsync()
    {
        var vouchers = (await host.Server.GetJsonAsync("/v1/vouchers?limit=100")).Json["vouchers"]!.ToJsonString();
        var campaigns = (await host.Server.GetJsonAsync("/v1/campaigns?limit=100")).Text;
        var redemptions = (await host.Server.GetJsonAsync("/v1/redemptions?limit=100")).Text;
        var actions = (await host.Server.GetJsonAsync("/v1/async-actions?limit=100")).Json["async_actions"]!.ToJsonString();
        return new StringBuilder().Append(vouchers).Append(campaigns).Append(redemptions).Append(actions).ToString();
    }
}
