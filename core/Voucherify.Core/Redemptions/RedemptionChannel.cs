namespace Voucherify.Core.Redemptions;

public sealed record RedemptionChannel
{
    public string ChannelType { get; init; } = "API";

    public string? ChannelId { get; init; }
}
