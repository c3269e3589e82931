using System.Text.Json.Nodes;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Errors;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;

namespace Voucherify.Core.Vouchers;

/// <summary>
/// POST /v1/vouchers/import: every entry is checked before the action starts (a bad body is a 400
/// that changes nothing); the action then creates them and reports each one it could not.
/// </summary>
public sealed class VoucherImport(VoucherService vouchers) : IAsyncActionHandler
{
    public const int MaxEntries = 100_000;

    public string Type => AsyncActionTypes.VouchersImport;

    public static IReadOnlyList<JsonObject> Parse(JsonNode? body)
    {
        var entries = body switch
        {
            JsonArray array => array,
            JsonObject { } wrapper when wrapper["vouchers"] is JsonArray array => array,
            _ => throw Problems.InvalidPayload("The body must be an array of vouchers."),
        };
        if (entries.Count is 0 or > MaxEntries)
        {
            throw Problems.InvalidPayload($"Import 1 to {MaxEntries} vouchers at a time.");
        }

        var parsed = new List<JsonObject>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var request = entry is JsonObject ? Bind(entry, index) : throw Problems.InvalidPayload($"Entry {index} is not an object.");
            if (request.Code is null || !seen.Add(request.Code))
            {
                throw Problems.InvalidPayload($"Entry {index} needs a code that is unique in the import.");
            }

            VoucherFactory.ValidateCode(request.Code);
            parsed.Add((JsonObject)entry.DeepClone());
        }

        return parsed;
    }

    public static JsonObject Payload(IReadOnlyList<JsonObject> entries) => new() { ["vouchers"] = new JsonArray([.. entries]) };

    public async Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var entries = payload["vouchers"] as JsonArray ?? [];
        var campaignId = payload["campaign_id"]?.GetValue<string>();
        var failed = new JsonArray();
        var done = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var request = Bind(entries[index]!, index);
            if (campaignId is not null)
            {
                request = request with { CampaignId = campaignId, Campaign = null };
            }

            try
            {
                await vouchers.CreateAsync(project, request, request.Code, cancellationToken);
                done++;
            }
            catch (ApiException exception)
            {
                failed.Add(new JsonObject { ["code"] = request.Code, ["reason"] = exception.Error.Details ?? exception.Error.Message });
            }

            progress.Report(index * 100 / entries.Count);
        }

        return new JsonObject
        {
            ["message"] = $"{done} voucher(s) imported successfully, {failed.Count} failed.",
            ["failed"] = failed,
            ["done_count"] = done,
            ["failed_count"] = failed.Count,
        };
    }

    private static VoucherCreateRequest Bind(JsonNode entry, int index)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<VoucherCreateRequest>(entry, Wire.Options) ?? throw Problems.InvalidPayload($"Entry {index} is empty.");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw Problems.InvalidPayload($"Entry {index}: invalid value at {exception.Path}.");
        }
    }
}
