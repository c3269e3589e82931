using System.Numerics;
using Voucherify.Core.Errors;
using Voucherify.Core.Vouchers.Codes;

namespace Voucherify.Core.Tests.Vouchers.Codes;

public sealed class CodeGeneratorTests
{
    private static ApiError Rejection(CodeConfig config) =>
        Assert.Throws<ApiException>(() => new CodeGenerator(config)).Error;

    private static IEnumerable<string> Codes(CodeConfig? config, int count)
    {
        var generator = new CodeGenerator(config);
        return Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
    }

    [Fact]
    public void Without_a_config_codes_are_eight_alphanumeric_characters() =>
        Assert.All(Codes(null, 1000), code => Assert.Matches("^[0-9a-zA-Z]{8}$", code));

    [Fact]
    public void An_empty_config_means_eight_alphanumeric_characters() =>
        Assert.All(Codes(new CodeConfig(), 1000), code => Assert.Matches("^[0-9a-zA-Z]{8}$", code));

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(100)]
    public void A_length_gives_that_many_random_characters(int length) =>
        Assert.All(Codes(new CodeConfig(Length: length), 100), code => Assert.Equal(length, code.Length));

    [Fact]
    public void Prefix_and_postfix_wrap_the_random_part_and_do_not_count_toward_the_length() =>
        Assert.All(Codes(new CodeConfig(Length: 6, Charset: CodeCharsets.Numbers, Prefix: "SUMMER-", Postfix: "-2024"), 1000),
            code => Assert.Matches("^SUMMER-[0-9]{6}-2024$", code));

    [Fact]
    public void Each_hash_of_a_pattern_becomes_a_charset_character_and_other_characters_stay() =>
        Assert.All(Codes(new CodeConfig(Charset: CodeCharsets.AlphabeticUppercase, Pattern: "##-####-#"), 1000),
            code => Assert.Matches("^[A-Z]{2}-[A-Z]{4}-[A-Z]$", code));

    [Fact]
    public void A_pattern_overrides_the_length() =>
        Assert.All(Codes(new CodeConfig(Length: 20, Pattern: "X##"), 100), code => Assert.Equal(3, code.Length));

    [Fact]
    public void A_pattern_overrides_even_an_invalid_length() =>
        Assert.Equal(3, new CodeGenerator(new CodeConfig(Length: 0, Pattern: "###")).RandomLength);

    [Fact]
    public void A_pattern_goes_between_prefix_and_postfix() =>
        Assert.All(Codes(new CodeConfig(Charset: "ab", Prefix: "P#", Postfix: "#S", Pattern: "-##-"), 100),
            code => Assert.Matches("^P#-[ab]{2}-#S$", code));

    [Fact]
    public void Only_characters_of_a_custom_charset_appear() =>
        Assert.All(Codes(new CodeConfig(Length: 30, Charset: "XYZ"), 1000), code => Assert.Matches("^[XYZ]{30}$", code));

    [Fact]
    public void Every_character_of_the_charset_appears_in_every_position()
    {
        var codes = Codes(new CodeConfig(Length: 4, Charset: CodeCharsets.Alphanumeric), 20_000).ToList();

        for (var position = 0; position < 4; position++)
        {
            Assert.Equal(62, codes.Select(code => code[position]).Distinct().Count());
        }
    }

    [Fact]
    public void Characters_are_drawn_uniformly()
    {
        var counts = string.Concat(Codes(new CodeConfig(Length: 100, Charset: CodeCharsets.Numbers), 10_000))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 98_000, 102_000));
    }

    [Fact]
    public void A_charset_larger_than_a_byte_is_drawn_from_whole()
    {
        var charset = new string(Enumerable.Range(0x4E00, 300).Select(i => (char)i).ToArray());

        var seen = string.Concat(Codes(new CodeConfig(Length: 50, Charset: charset), 2000)).Distinct().ToList();

        Assert.Equal(300, seen.Count);
        Assert.All(seen, c => Assert.Contains(c, charset));
    }

    [Fact]
    public void A_charset_of_exactly_256_characters_is_drawn_from_whole()
    {
        var charset = new string(Enumerable.Range(0x100, 256).Select(i => (char)i).ToArray());

        Assert.Equal(256, string.Concat(Codes(new CodeConfig(Length: 100, Charset: charset), 200)).Distinct().Count());
    }

    [Fact]
    public void A_hundred_thousand_default_codes_contain_no_duplicates()
    {
        var codes = Codes(null, 100_000).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_capacity_is_the_charset_size_to_the_power_of_the_random_length() =>
        Assert.Equal(BigInteger.Pow(62, 8), new CodeGenerator().Capacity);

    [Fact]
    public void The_capacity_counts_only_hashes_of_a_pattern() =>
        Assert.Equal(new BigInteger(1000), new CodeGenerator(new CodeConfig(Charset: CodeCharsets.Numbers, Pattern: "AB-###-CD")).Capacity);

    [Fact]
    public void The_capacity_of_a_hundred_alphanumeric_characters_does_not_overflow() =>
        Assert.Equal(BigInteger.Pow(62, 100), new CodeGenerator(new CodeConfig(Length: 100)).Capacity);

    [Fact]
    public void Repeated_charset_characters_count_once() =>
        Assert.Equal(new BigInteger(9), new CodeGenerator(new CodeConfig(Length: 2, Charset: "aabbbc")).Capacity);

    [Fact]
    public void Asking_for_up_to_half_the_capacity_is_allowed() =>
        new CodeGenerator(new CodeConfig(Length: 3, Charset: CodeCharsets.Numbers)).EnsureCanProduce(500);

    [Fact]
    public void Asking_for_more_than_half_the_capacity_is_a_clear_invalid_payload()
    {
        var error = Assert.Throws<ApiException>(() => new CodeGenerator(new CodeConfig(Length: 3, Charset: CodeCharsets.Numbers)).EnsureCanProduce(501)).Error;

        Assert.Equal((400, "invalid_payload"), (error.Code, error.Key));
        Assert.Contains("only 1000 distinct codes", error.Details);
    }

    [Fact]
    public void An_empty_charset_is_rejected() =>
        Assert.Contains("charset", Rejection(new CodeConfig(Charset: "")).Details);

    [Fact]
    public void A_charset_with_control_characters_is_rejected() =>
        Assert.Contains("charset", Rejection(new CodeConfig(Charset: "ab\n")).Details);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_length_outside_one_to_a_hundred_is_rejected(int length) =>
        Assert.Contains("length", Rejection(new CodeConfig(Length: length)).Details);

    [Theory]
    [InlineData("")]
    [InlineData("SUMMER")]
    public void A_pattern_without_hashes_is_rejected(string pattern) =>
        Assert.Contains("pattern", Rejection(new CodeConfig(Pattern: pattern)).Details);

    [Fact]
    public void A_pattern_with_more_than_a_hundred_hashes_is_rejected() =>
        Assert.Contains("pattern", Rejection(new CodeConfig(Pattern: new string('#', 101))).Details);

    [Fact]
    public void An_overlong_prefix_is_rejected() =>
        Assert.Contains("prefix", Rejection(new CodeConfig(Prefix: new string('P', 101))).Details);

    [Fact]
    public void A_postfix_with_a_control_character_is_rejected() =>
        Assert.Contains("postfix", Rejection(new CodeConfig(Postfix: "\t")).Details);

    [Fact]
    public void Validate_accepts_what_the_generator_accepts() => CodeGenerator.Validate(new CodeConfig(Pattern: "##", Charset: "01"));

    [Fact]
    public void Validate_rejects_what_the_generator_rejects() =>
        Assert.Throws<ApiException>(() => CodeGenerator.Validate(new CodeConfig(Charset: "")));
}
