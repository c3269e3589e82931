using System.Text.Json.Nodes;
using Voucherify.Core.Orders;
using Voucherify.Core.Storage;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// What every record of one redemption attempt shares: when, who, the caller's metadata, and the create of a new order
/// the attempt brought, when it is to be committed with the attempt's record (<see cref="OrderRecorder.UpsertAsync"/>).
/// </summary>
public sealed record RedemptionContext(DateTimeOffset Date, JsonObject? Customer, string? CustomerId, string TrackingId, JsonObject? Metadata, NewDocument? NewOrder)
{
    public static RedemptionContext From(VoucherValidationRequest request, DateTimeOffset now, NewDocument? newOrder) =>
        new(now, request.Customer, TrackingIds.CustomerId(request.Customer), TrackingIds.For(request.Customer, request.TrackingId), request.Metadata, newOrder);

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
