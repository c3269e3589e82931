using Voucherify.Core.Campaigns;
using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Orders;
using Voucherify.Core.Rules.Eligibility;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Validations;

/// <summary>
/// Judges a voucher in the order SEMANTICS R8.1 proposes: disabled, not active yet, expired,
/// not active now, quantity, then the discount itself. Pure: the caller supplies the time.
/// </summary>
public static class VoucherEvaluator
{
    public static VoucherEvaluation Evaluate(Voucher voucher, Campaign? campaign, VoucherValidationRequest request, DateTimeOffset now, TimeZoneInfo zone) =>
        Evaluate(voucher, campaign, request, now, zone, Eligibility.None);

    /// <summary>Then the validation rules: their applicable_to shapes the discount, and they judge the order before it and the discount it gives.</summary>
    public static VoucherEvaluation Evaluate(Voucher voucher, Campaign? campaign, VoucherValidationRequest request, DateTimeOffset now, TimeZoneInfo zone, Eligibility eligibility)
    {
        var failure = Availability(voucher, campaign, now, zone);
        if (failure is not null)
        {
            return VoucherEvaluation.Fail(failure);
        }

        try
        {
            var start = eligibility.Start ?? StartOrder(request);
            var order = voucher.Discount is null ? start : DiscountCalculator.Apply(voucher.Discount, start, eligibility.Options).Order;
            var verdict = eligibility.Judge(start, order, request.Metadata);
            return verdict.Failure is { } broken
                ? VoucherEvaluation.Fail(broken)
                : VoucherEvaluation.Pass(order) with { CounterMoves = verdict.Moves };
        }
        catch (ApiException exception) when (exception.Error.Code == 400)
        {
            var error = exception.Error;
            return VoucherEvaluation.Fail(new Failure(error.Key, error.Message, error.Details));
        }
    }

    public static Failure? Availability(Voucher voucher, Campaign? campaign, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!voucher.Active)
        {
            return Failures.Disabled;
        }

        if (campaign is { Active: false })
        {
            return Failures.CampaignDisabled;
        }

        var key = voucher.Schedule().FailureAt(now, zone) ?? campaign?.Schedule().FailureAt(now, zone);
        if (key is not null)
        {
            return Failures.ForScheduleKey(key);
        }

        return voucher.Redemption.Quantity is { } quantity && voucher.Redemption.RedeemedQuantity >= quantity
            ? Failures.QuantityExceeded
            : null;
    }

    /// <summary>The request's order normalised, before any discount: what rules on order.amount and the cart read.</summary>
    public static OrderCalculated StartOrder(VoucherValidationRequest request) => OrderCalculated.From(request.Order ?? new OrderRequest());
}
