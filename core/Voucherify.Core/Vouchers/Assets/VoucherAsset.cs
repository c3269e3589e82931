namespace Voucherify.Core.Vouchers.Assets;

/// <summary>One image link: the opaque id and the public URL that serves it.</summary>
public sealed record VoucherAsset(string Id, string Url);
