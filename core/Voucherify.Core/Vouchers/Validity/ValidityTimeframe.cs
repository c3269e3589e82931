namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// A recurring window: active for <see cref="Duration"/> at the start of every <see cref="Interval"/>,
/// counted from the start date. Both are ISO-8601 durations ("P2D", "PT1H") kept as the wire sends them.
/// </summary>
public sealed record ValidityTimeframe(string? Interval, string? Duration);
