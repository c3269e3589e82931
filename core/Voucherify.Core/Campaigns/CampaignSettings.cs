namespace Voucherify.Core.Campaigns;

/// <summary>Up to SyncLimit vouchers are generated or updated inside the request; more go to an async action.</summary>
public sealed record CampaignSettings(int SyncLimit = 100);
