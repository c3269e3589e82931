using Voucherify.Core.Errors;

namespace Voucherify.Core.Vouchers.Codes;

/// <summary>
/// A checked <see cref="CodeConfig"/>: the whole code with its fixed characters in place, the
/// positions that get random characters, and the distinct characters to draw from (a repeated
/// charset character would otherwise be drawn more often and make the capacity a lie).
/// </summary>
internal sealed record CodeTemplate(char[] Characters, int[] Slots, char[] Alphabet)
{
    public const char Placeholder = '#';
    public const int DefaultLength = 8;
    public const int MaxRandomLength = 100;
    public const int MaxFixedLength = 100;

    public static CodeTemplate From(CodeConfig? config)
    {
        config ??= new CodeConfig();
        var alphabet = DistinctCharset(config.Charset);
        var body = Body(config);
        var prefix = Fixed("prefix", config.Prefix);
        var postfix = Fixed("postfix", config.Postfix);
        var characters = (prefix + body + postfix).ToCharArray();
        var slots = Enumerable.Range(prefix.Length, body.Length).Where(i => characters[i] == Placeholder).ToArray();
        return new CodeTemplate(characters, slots, alphabet);
    }

    private static char[] DistinctCharset(string? charset)
    {
        charset ??= CodeCharsets.Alphanumeric;
        if (charset.Length == 0)
        {
            throw Problems.InvalidPayload("code_config.charset must not be empty");
        }

        if (charset.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            throw Problems.InvalidPayload("code_config.charset must contain only printable characters of the basic multilingual plane");
        }

        return charset.Distinct().ToArray();
    }

    private static string Body(CodeConfig config)
    {
        if (config.Pattern is null)
        {
            return config.Length is null or (>= 1 and <= MaxRandomLength)
                ? new string(Placeholder, config.Length ?? DefaultLength)
                : throw Problems.InvalidPayload($"code_config.length must be between 1 and {MaxRandomLength}");
        }

        var placeholders = config.Pattern.Count(c => c == Placeholder);
        if (placeholders is 0 or > MaxRandomLength)
        {
            throw Problems.InvalidPayload($"code_config.pattern must contain between 1 and {MaxRandomLength} '#' characters");
        }

        return Fixed("pattern", config.Pattern, MaxFixedLength + MaxRandomLength);
    }

    private static string Fixed(string field, string? text, int maxLength = MaxFixedLength)
    {
        text ??= string.Empty;
        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            throw Problems.InvalidPayload($"code_config.{field} must be at most {maxLength} printable characters");
        }

        return text;
    }
}
