using System.Text.Json;
using Voucherify.Core.Json;

namespace Voucherify.Core.Tests.Json;

public sealed class UtcTimestampConverterTests
{
    private static readonly DateTimeOffset Expected = new(2022, 2, 17, 8, 18, 15, 85, TimeSpan.Zero);

    [Theory]
    [InlineData("2022-02-17T08:18:15.085Z")]
    [InlineData("2022-02-17T10:18:15.085+02:00")]
    [InlineData("2022-02-17T08:18:15.085")]
    [InlineData("2022-02-17T08:18:15.0850000Z")]
    public void Every_form_of_the_same_instant_reads_as_that_instant_in_UTC(string text)
    {
        var read = Read(text);

        Assert.Equal(Expected, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void An_escaped_zone_letter_is_read_like_the_letter() =>
        Assert.Equal(Expected, JsonSerializer.Deserialize<Stamp>("""{"at":"2022-02-17T08:18:15.085\u005A"}""", Wire.Options)!.At);

    [Fact]
    public void A_date_alone_is_midnight_UTC() => Assert.Equal(new DateTimeOffset(2022, 2, 17, 0, 0, 0, TimeSpan.Zero), Read("2022-02-17"));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2022-13-45T08:18:15Z")]
    [InlineData("Z")]
    public void Text_that_is_no_timestamp_is_refused(string text) => Assert.Throws<JsonException>(() => Read(text));

    [Fact]
    public void An_instant_goes_out_in_the_wire_format() =>
        Assert.Equal("{\"at\":\"2022-02-17T08:18:15.085Z\"}", JsonSerializer.Serialize(new Stamp(Expected.ToOffset(TimeSpan.FromHours(2))), Wire.Options));

    private static DateTimeOffset Read(string text) =>
        JsonSerializer.Deserialize<Stamp>($"{{\"at\":{JsonSerializer.Serialize(text)}}}", Wire.Options)!.At;

    private sealed record Stamp(DateTimeOffset At);
}
