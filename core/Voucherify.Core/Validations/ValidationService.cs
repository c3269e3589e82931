using Voucherify.Core.Rules.Eligibility;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Validations;

/// <summary>POST /v1/vouchers/{code}/validate: judges without counting anything.</summary>
public sealed class ValidationService(VoucherLookup vouchers, EligibilityService eligibilities, TimeProvider clock)
{
    public async ValueTask<VoucherValidationResponse> ValidateAsync(Project project, string code, VoucherValidationRequest request, string requestId, CancellationToken cancellationToken)
    {
        var voucher = (await vouchers.GetAsync(project, code, cancellationToken)).ReadShared<Voucher>();
        var (campaign, eligibility) = await eligibilities.LoadAsync(project, voucher, request, cancellationToken);
        var evaluation = VoucherEvaluator.Evaluate(voucher, campaign, request, clock.GetUtcNow(), project.TimeZone, eligibility);
        var trackingId = TrackingIds.For(request.Customer, request.TrackingId);
        if (evaluation.Failure is { } failure)
        {
            return new VoucherValidationResponse
            {
                Valid = false,
                Code = voucher.Code,
                Reason = failure.Message,
                Error = failure.ToError(400, voucher.Code) with { RequestId = requestId },
                TrackingId = trackingId,
                Metadata = voucher.Metadata,
            };
        }

        return new VoucherValidationResponse
        {
            Valid = true,
            Code = voucher.Code,
            ApplicableTo = eligibility.ApplicableTo,
            InapplicableTo = eligibility.InapplicableTo,
            Campaign = voucher.Campaign,
            CampaignId = voucher.CampaignId,
            Discount = voucher.Discount,
            Order = evaluation.Order,
            TrackingId = trackingId,
            Metadata = voucher.Metadata,
        };
    }
}
