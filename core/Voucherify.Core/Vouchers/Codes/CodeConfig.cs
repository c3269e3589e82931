namespace Voucherify.Core.Vouchers.Codes;

/// <summary>
/// How random codes look (spec CodeConfig): each '#' of <see cref="Pattern"/> becomes a character of
/// <see cref="Charset"/>, and a pattern overrides <see cref="Length"/>; <see cref="Prefix"/> and
/// <see cref="Postfix"/> wrap the random part. <see cref="InitialCount"/> is internal to Voucherify and
/// is kept only so that it round-trips.
/// </summary>
public sealed record CodeConfig(
    int? Length = null,
    string? Charset = null,
    string? Prefix = null,
    string? Postfix = null,
    string? Pattern = null,
    int? InitialCount = null);
