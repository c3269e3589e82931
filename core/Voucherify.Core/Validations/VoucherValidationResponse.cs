using System.Text.Json.Nodes;
using Voucherify.Core.Discounts;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Core.Orders;
using Voucherify.Core.Rules;

namespace Voucherify.Core.Validations;

/// <summary>The answer of POST /v1/vouchers/{code}/validate: valid with the discount, or invalid with the reason (both 200).</summary>
public sealed record VoucherValidationResponse
{
    public bool Valid { get; init; }

    public required string Code { get; init; }

    public string? Reason { get; init; }

    public ApiError? Error { get; init; }

    public DataList<ApplicableToEntry>? ApplicableTo { get; init; }

    public DataList<ApplicableToEntry>? InapplicableTo { get; init; }

    public string? Campaign { get; init; }

    public string? CampaignId { get; init; }

    public Discount? Discount { get; init; }

    public OrderCalculated? Order { get; init; }

    public required string TrackingId { get; init; }

    public JsonObject? Metadata { get; init; }
}
