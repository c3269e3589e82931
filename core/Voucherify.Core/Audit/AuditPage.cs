namespace Voucherify.Core.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Total, bool HasMore);
