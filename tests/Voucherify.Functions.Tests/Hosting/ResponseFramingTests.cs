using System.Net;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Hosting;

/// <summary>Answers go out whole, with their length, rather than as a chunked stream.</summary>
public sealed class ResponseFramingTests : HostedApiTest
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/v1/vouchers")]
    [InlineData("/v1/vouchers/NO-SUCH-CODE")]
    public async Task A_JSON_answer_carries_its_length_and_is_not_chunked(string path)
    {
        using var response = await host.Server.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.NotEmpty(bytes);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Validate's answer is written from a buffer of the serving thread into the response's pipe; under an
    /// Idempotency-Key the body goes to a capture first and is replayed from it.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("framing-key")]
    public async Task The_validate_answer_carries_its_length_and_replays_whole(string? idempotencyKey)
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("FRAMED", 1000));

        var first = await ValidateAsync(idempotencyKey);
        var second = await ValidateAsync(idempotencyKey);

        Assert.Equal(1000, System.Text.Json.Nodes.JsonNode.Parse(first)!["order"]!["discount_amount"]!.GetValue<long>());
        if (idempotencyKey is not null)
        {
            Assert.Equal(first, second);
        }
    }

    private async Task<byte[]> ValidateAsync(string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/vouchers/FRAMED/validate")
        {
            Content = new StringContent(Bodies.Order(46500).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await host.Server.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        return bytes;
    }

    [Fact]
    public async Task An_error_answer_carries_its_length_too()
    {
        using var response = await host.Anonymous.GetAsync("/v1/vouchers");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }
}
