namespace Voucherify.Core.Vouchers.Validity;

/// <summary>
/// One daily window, "HH:mm" to "HH:mm" local time, start inclusive and expiration exclusive, on the
/// listed weekdays (0 = Sunday … 6 = Saturday; none listed means every day).
/// </summary>
public sealed record ValidityHoursDaily(string? StartTime, string? ExpirationTime, IReadOnlyList<int>? DaysOfWeek);
