namespace Voucherify.Core.Vouchers.Assets;

/// <summary>What an asset token stands for: one voucher code in one project.</summary>
public sealed record AssetSubject(string ProjectId, string Code);
