using Voucherify.Core.Vouchers.Validity;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Vouchers;

/// <summary>
/// Turns a partial PUT body into patch operations. Fields outside the updatable set are ignored,
/// as the contract says; the result is checked as a whole voucher before anything is written.
/// </summary>
public static class VoucherUpdate
{
    private static readonly string[] Updatable =
    [
        "category", "category_id", "start_date", "expiration_date", "validity_timeframe", "validity_day_of_week",
        "validity_hours", "active", "additional_info", "metadata", "discount",
    ];

    public static IReadOnlyList<PatchOperation> Operations(Voucher current, JsonObject changes)
    {
        var merged = DocumentJson.ToBody(current);
        var operations = new List<PatchOperation>();
        foreach (var field in Updatable.Where(changes.ContainsKey))
        {
            var value = changes[field]?.DeepClone();
            merged[field] = value?.DeepClone();
            operations.Add(PatchOperation.Set(field, value));
        }

        if (changes["redemption"] is JsonObject redemption && redemption.ContainsKey("quantity"))
        {
            var quantity = redemption["quantity"]?.DeepClone();
            merged["redemption"]!["quantity"] = quantity?.DeepClone();
            operations.Add(PatchOperation.Set(VoucherRedemptionSummary.QuantityPath, quantity));
        }

        Check(merged);
        return operations;
    }

    private static void Check(JsonObject merged)
    {
        Voucher voucher;
        try
        {
            voucher = merged.Deserialize<Voucher>(Wire.Options) ?? throw Problems.InvalidPayload("The voucher is empty.");
        }
        catch (JsonException exception)
        {
            throw Problems.InvalidPayload($"Invalid value at {exception.Path}: {exception.Message}");
        }

        if (voucher.Discount is null)
        {
            throw Problems.InvalidPayload("discount cannot be removed from a DISCOUNT_VOUCHER.");
        }

        voucher.Discount.Validate();
        VoucherFactory.ValidateQuantity(voucher.Redemption.Quantity);
        ValidityValidator.Validate(voucher.Schedule());
    }
}
