using Voucherify.Core.Vouchers.Validity;
using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Campaigns;

/// <summary>Turns a partial campaign PUT into patch operations, checked as a whole campaign first.</summary>
public static class CampaignUpdate
{
    public static (IReadOnlyList<PatchOperation> Operations, JsonObject Inherited) Operations(
        Campaign current, JsonObject changes, IReadOnlyList<string> updatable, IReadOnlyList<string> inherited)
    {
        var merged = DocumentJson.ToBody(current);
        var operations = new List<PatchOperation>();
        var carried = new JsonObject();
        foreach (var field in updatable.Where(changes.ContainsKey))
        {
            merged[field] = changes[field]?.DeepClone();
            operations.Add(PatchOperation.Set(field, changes[field]?.DeepClone()));
        }

        if (changes.ContainsKey("discount"))
        {
            merged["voucher"]!["discount"] = changes["discount"]?.DeepClone();
            operations.Add(PatchOperation.Set("voucher.discount", changes["discount"]?.DeepClone()));
        }

        foreach (var field in inherited.Where(changes.ContainsKey))
        {
            carried[field] = changes[field]?.DeepClone();
        }

        Check(merged);
        return (operations, carried);
    }

    private static void Check(JsonObject merged)
    {
        try
        {
            var campaign = merged.Deserialize<Campaign>(Wire.Options) ?? throw Problems.InvalidPayload("The campaign is empty.");
            if (campaign.Type is not (CampaignTypes.AutoUpdate or CampaignTypes.Static))
            {
                throw Problems.InvalidPayload("type must be AUTO_UPDATE or STATIC.");
            }

            CampaignFactory.CheckTemplate(campaign.Voucher);
            ValidityValidator.Validate(campaign.Schedule());
        }
        catch (JsonException exception)
        {
            throw Problems.InvalidPayload($"Invalid value at {exception.Path}: {exception.Message}");
        }
    }
}
