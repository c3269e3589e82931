namespace Voucherify.Core.Vouchers.Validity;

/// <summary>Happy hours: the voucher is active when any daily entry matches the local weekday and time.</summary>
public sealed record ValidityHours(IReadOnlyList<ValidityHoursDaily>? Daily);
