// Stand-ins for types built in parallel on other branches; deleted when those branches merge.
#pragma warning disable SA1402, SA1649
using System.Text.Json.Nodes;

namespace Voucherify.Core.Vouchers.Validity
{
    public sealed record ValidityTimeframe(string? Interval, string? Duration);
    public sealed record ValidityHours(IReadOnlyList<ValidityHoursDaily>? Daily);
    public sealed record ValidityHoursDaily(string? StartTime, string? ExpirationTime, IReadOnlyList<int>? DaysOfWeek);
    public sealed record ValiditySchedule(DateTimeOffset? StartDate, DateTimeOffset? ExpirationDate, ValidityTimeframe? ValidityTimeframe, IReadOnlyList<int>? ValidityDayOfWeek, ValidityHours? ValidityHours)
    {
        public string? FailureAt(DateTimeOffset now, TimeZoneInfo zone) =>
            StartDate > now ? "voucher_not_active" : ExpirationDate < now ? "voucher_expired" : null;
        public void Validate() { }
    }
}

namespace Voucherify.Core.Vouchers.Codes
{
    public sealed record CodeConfig
    {
        public int? Length { get; init; }
        public string? Charset { get; init; }
        public string? Prefix { get; init; }
        public string? Postfix { get; init; }
        public string? Pattern { get; init; }
    }

    public static class CodeGenerator
    {
        public static string Generate(CodeConfig config) => (config.Prefix ?? "") + Voucherify.Core.Ids.IdGenerator.New("", config.Length ?? 8) + (config.Postfix ?? "");
    }
}

namespace Voucherify.Core.Vouchers.Assets
{
    public sealed record VoucherAssets(JsonObject? Qr, JsonObject? Barcode);
}
