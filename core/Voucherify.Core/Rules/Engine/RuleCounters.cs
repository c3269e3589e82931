namespace Voucherify.Core.Rules.Engine;

/// <summary>
/// The counters budget rules read, as they stood when the request was judged, and what this redemption would add.
/// Campaign counters belong to the voucher's campaign, or to the voucher itself when it has none.
/// </summary>
public sealed record RuleCounters
{
    public static RuleCounters None { get; } = new();

    public long? CampaignRedemptions { get; init; }

    public long? CampaignDiscounted { get; init; }

    public long? CampaignOrders { get; init; }

    /// <summary>Successful redemptions of this customer on the object each rule is assigned to; null without a customer.</summary>
    public IReadOnlyDictionary<string, long> CustomerRedemptions { get; init; } = new Dictionary<string, long>();

    public long ThisDiscount { get; init; }

    public long ThisOrderAmount { get; init; }
}
