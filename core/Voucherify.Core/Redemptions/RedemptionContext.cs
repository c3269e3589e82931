using System.Text.Json.Nodes;
using Voucherify.Core.Orders;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>What every record of one redemption attempt shares: when, who, and the caller's metadata.</summary>
public sealed record RedemptionContext(DateTimeOffset Date, JsonObject? Customer, string? CustomerId, string TrackingId, JsonObject? Metadata)
{
    public static RedemptionContext From(VoucherValidationRequest request, DateTimeOffset now) =>
        new(now, request.Customer, TrackingIds.CustomerId(request.Customer), TrackingIds.For(request.Customer, request.TrackingId), request.Metadata);

    public Redemption Success(string id, Voucher voucher, OrderCalculated order) => new()
    {
        Id = id,
        Date = Date,
        CustomerId = CustomerId,
        TrackingId = TrackingId,
        Metadata = Metadata,
        Result = RedemptionResults.Success,
        Status = RedemptionStatuses.Succeeded,
        Order = order,
        Customer = Customer,
        RelatedObjectId = voucher.Id,
        Voucher = voucher,
    };

    public Redemption Failure(string id, Voucher? voucher, Failure failure) => new()
    {
        Id = id,
        Date = Date,
        CustomerId = CustomerId,
        TrackingId = TrackingId,
        Metadata = Metadata,
        Result = RedemptionResults.Failure,
        Status = RedemptionStatuses.Failed,
        FailureCode = failure.Key,
        FailureMessage = failure.Message,
        Customer = Customer,
        RelatedObjectId = voucher?.Id,
        Voucher = voucher,
    };
}
