namespace Voucherify.Core.Vouchers.Codes;

/// <summary>The charsets the contract names; on the wire a charset is always the characters themselves.</summary>
public static class CodeCharsets
{
    public const string Alphanumeric = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Alphabetic = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string AlphabeticLowercase = "abcdefghijklmnopqrstuvwxyz";
    public const string AlphabeticUppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Numbers = "0123456789";
}
