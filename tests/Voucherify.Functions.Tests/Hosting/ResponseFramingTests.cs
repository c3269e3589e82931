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

    [Fact]
    public async Task An_error_answer_carries_its_length_too()
    {
        using var response = await host.Anonymous.GetAsync("/v1/vouchers");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }
}
