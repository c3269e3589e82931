namespace Voucherify.Core.Redemptions;

public sealed record RelatedRedemption(string Id, DateTimeOffset Date);
