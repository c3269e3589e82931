// Stand-ins for types built in parallel on other branches; deleted when those branches merge.
#pragma warning disable SA1402, SA1649
using System.Text.Json.Nodes;

namespace Voucherify.Core.Discounts
{
    public sealed record Discount
    {
        public string Type { get; init; } = "AMOUNT";
        public long? AmountOff { get; init; }
        public decimal? PercentOff { get; init; }
        public long? AmountLimit { get; init; }
        public string? Effect { get; init; }
        public void Validate() { }
    }

    public sealed record DiscountOutcome(Voucherify.Core.Orders.OrderCalculated Order);

    public static class DiscountCalculator
    {
        public static DiscountOutcome Apply(Discount discount, Voucherify.Core.Orders.OrderCalculated current, Func<Voucherify.Core.Orders.OrderItemCalculated, bool>? isApplicable = null) => new(current);
    }
}

namespace Voucherify.Core.Orders
{
    public sealed record OrderRequest
    {
        public string? Id { get; init; }
        public string? SourceId { get; init; }
        public long? Amount { get; init; }
        public JsonObject? Metadata { get; init; }
        public IReadOnlyList<OrderItemRequest>? Items { get; init; }
    }

    public sealed record OrderItemRequest
    {
        public long? Quantity { get; init; }
        public long? Price { get; init; }
        public long? Amount { get; init; }
    }

    public sealed record OrderCalculated
    {
        public long? Amount { get; init; }
        public long? DiscountAmount { get; init; }
        public long? TotalDiscountAmount { get; init; }
        public long? TotalAmount { get; init; }
        public long? AppliedDiscountAmount { get; init; }
        public long? ItemsDiscountAmount { get; init; }
        public IReadOnlyList<OrderItemCalculated>? Items { get; init; }
        public string Object { get; init; } = "order";
        public static OrderCalculated From(OrderRequest request) => new() { Amount = request.Amount, TotalAmount = request.Amount };
    }

    public sealed record OrderItemCalculated;
}

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
