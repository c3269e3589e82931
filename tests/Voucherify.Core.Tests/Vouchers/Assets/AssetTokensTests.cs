using System.Buffers.Text;
using System.Text;
using Voucherify.Core.Vouchers.Assets;

namespace Voucherify.Core.Tests.Vouchers.Assets;

public sealed class AssetTokensTests
{
    private readonly AssetTokens tokens = new("test-signing-key");

    [Fact]
    public void A_token_reads_back_to_its_project_and_code()
    {
        var token = tokens.Create(AssetKind.Qr, "proj_1", "SUMMER-2024");

        Assert.Equal(new AssetSubject("proj_1", "SUMMER-2024"), tokens.Read(AssetKind.Qr, token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ü-€-漢字")]
    [InlineData("with spaces / slashes ? and & query = chars")]
    public void Any_code_survives_the_round_trip(string code) =>
        Assert.Equal(code, tokens.Read(AssetKind.Barcode, tokens.Create(AssetKind.Barcode, "proj_1", code))?.Code);

    [Fact]
    public void A_token_is_url_safe() =>
        Assert.Matches("^[A-Za-z0-9_-]+$", tokens.Create(AssetKind.Qr, "proj_1", new string('x', 500)));

    [Fact]
    public void A_token_does_not_reveal_the_code()
    {
        var token = tokens.Create(AssetKind.Qr, "proj_1", "SECRETCODE");

        Assert.DoesNotContain("SECRETCODE", Encoding.Latin1.GetString(Base64Url.DecodeFromChars(token)));
        Assert.DoesNotContain("proj_1", Encoding.Latin1.GetString(Base64Url.DecodeFromChars(token)));
    }

    [Fact]
    public void The_same_voucher_always_gets_the_same_token() =>
        Assert.Equal(tokens.Create(AssetKind.Qr, "proj_1", "A1"), new AssetTokens("test-signing-key").Create(AssetKind.Qr, "proj_1", "A1"));

    [Fact]
    public void Different_codes_get_unrelated_tokens()
    {
        var first = tokens.Create(AssetKind.Qr, "proj_1", "CODE0001");
        var second = tokens.Create(AssetKind.Qr, "proj_1", "CODE0002");

        Assert.NotEqual(first[..20], second[..20]);
    }

    [Fact]
    public void The_qr_and_barcode_of_one_voucher_have_different_tokens() =>
        Assert.NotEqual(tokens.Create(AssetKind.Qr, "proj_1", "A1"), tokens.Create(AssetKind.Barcode, "proj_1", "A1"));

    [Fact]
    public void A_qr_token_does_not_open_the_barcode() =>
        Assert.Null(tokens.Read(AssetKind.Barcode, tokens.Create(AssetKind.Qr, "proj_1", "A1")));

    [Fact]
    public void Every_single_flipped_bit_is_rejected()
    {
        var bytes = Base64Url.DecodeFromChars(tokens.Create(AssetKind.Qr, "proj_1", "A1B2C3"));

        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(tokens.Read(AssetKind.Qr, Base64Url.EncodeToString(tampered)));
        }
    }

    [Fact]
    public void A_token_made_with_another_key_is_rejected() =>
        Assert.Null(tokens.Read(AssetKind.Qr, new AssetTokens("another-key").Create(AssetKind.Qr, "proj_1", "A1")));

    [Fact]
    public void A_truncated_token_is_rejected()
    {
        var token = tokens.Create(AssetKind.Qr, "proj_1", "A1");

        Assert.Null(tokens.Read(AssetKind.Qr, token[..^4]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("U2FsdGVkX19ucFhvVmBVpVYG5KoswTsjSIaqoKg5L9ie4BK+t4pp7U7oFzjGJzj9q/bmuMOj9mEFiVKDMIkSaruKedMvHbKoPX5Sg+BaZk5QwXMf8k/OzSlOEVybpwSq+AiqPoNtjeuqtIgkDyvT6Q==")]
    public void Garbage_is_rejected(string? token) => Assert.Null(tokens.Read(AssetKind.Qr, token));

    [Fact]
    public void A_guessed_token_in_the_right_shape_is_rejected()
    {
        var guess = Base64Url.EncodeToString([1, .. new byte[12], 0, 6, .. "proj_1A1"u8, .. new byte[16]]);

        Assert.Null(tokens.Read(AssetKind.Qr, guess));
    }

    [Fact]
    public void An_oversized_token_is_rejected_without_decoding() =>
        Assert.Null(tokens.Read(AssetKind.Qr, new string('A', 4096)));

    [Fact]
    public void An_empty_signing_key_is_refused() => Assert.Throws<ArgumentException>(() => new AssetTokens(" "));
}
