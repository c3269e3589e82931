namespace Voucherify.Core.Redemptions;

public sealed record RelatedRedemptions
{
    public IReadOnlyList<RelatedRedemption> Rollbacks { get; init; } = [];

    public IReadOnlyList<RelatedRedemption> Redemptions { get; init; } = [];
}
