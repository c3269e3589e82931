using System.Net;
using System.Text.Json.Nodes;

namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// A little of everything in one project (a voucher, a campaign with codes, a redemption with its customer,
/// an async action), and the real id for each route parameter name, so generated requests reach real objects.
/// </summary>
public sealed class SeededData
{
    public const string VoucherCode = "EXISTING";

    private readonly Dictionary<string, string> values;

    private SeededData(Dictionary<string, string> values) => this.values = values;

    public static async Task<SeededData> CreateAsync(HttpClient server)
    {
        (await server.PostAsync("/v1/vouchers", Bodies.AmountVoucher(VoucherCode, 100, quantity: 1000))).Expect(HttpStatusCode.OK);
        var campaign = (await server.PostAsync("/v1/campaigns", Bodies.Campaign("Seeded", 3))).Expect(HttpStatusCode.OK);
        var order = Bodies.Order(5000);
        order["customer"] = new JsonObject { ["source_id"] = "seeded-customer", ["email"] = "seeded@example.com" };
        var redemption = (await server.PostAsync($"/v1/vouchers/{VoucherCode}/redemption", order)).Expect(HttpStatusCode.OK);
        var import = (await server.PostAsync("/v1/vouchers/import", new JsonArray(Bodies.AmountVoucher("IMPORTED-1", 100)))).Expect(HttpStatusCode.Accepted);
        var actionId = import.Str("async_action_id");
        await server.WaitForAsync(actionId);
        return new SeededData(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["code"] = VoucherCode,
            ["campaignId"] = campaign.Str("id"),
            ["redemptionId"] = redemption.Str("id"),
            ["customerId"] = redemption.Node("customer_id")?.GetValue<string>() ?? "seeded-customer",
            ["asyncActionId"] = actionId,
        });
    }

    /// <summary>The seeded object's id for a route parameter; parameters of routes added later get a plausible unknown id.</summary>
    public string ValueOf(string parameter) => values.TryGetValue(parameter, out var value) ? value : $"{parameter}-unknown";

    public IEnumerable<string> Values => values.Values;
}
