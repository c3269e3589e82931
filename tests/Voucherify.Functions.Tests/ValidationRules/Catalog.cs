using System.Net;
using System.Text.Json.Nodes;
using Voucherify.Core.Customers;
using Voucherify.Core.Products;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

/// <summary>
/// Writes customers, products and SKUs straight into the store under the keys their capability uses (the wire object,
/// plus the source-id alias), and creates rules through the API.
/// </summary>
public static class Catalog
{
    public static Project Project(ServiceHost host) =>
        host.Service<IProjectDirectory>().Resolve(KeyRole.Server, DevDefaults.AppId, DevDefaults.AppToken)!.Project;

    public static async Task CustomerAsync(ServiceHost host, string id, string sourceId, JsonObject fields)
    {
        var project = Project(host);
        fields["id"] = id;
        fields["source_id"] = sourceId;
        fields["object"] = "customer";
        await PutAsync(host, CustomerKeys.For(project, id), fields);
        await PutAsync(host, CustomerKeys.ForSource(project, sourceId), new JsonObject { ["id"] = id });
    }

    public static async Task ProductAsync(ServiceHost host, string id, string sourceId, long price, JsonObject? metadata = null)
    {
        var project = Project(host);
        var body = new JsonObject { ["id"] = id, ["source_id"] = sourceId, ["name"] = sourceId, ["price"] = price, ["metadata"] = metadata ?? [], ["object"] = "product" };
        await PutAsync(host, ProductKeys.For(project, id), body);
        await PutAsync(host, ProductKeys.ForSource(project, sourceId), new JsonObject { ["id"] = id });
    }

    public static async Task SkuAsync(ServiceHost host, string id, string sourceId, string productId, long price)
    {
        var project = Project(host);
        await PutAsync(host, SkuKeys.For(project, id), new JsonObject { ["id"] = id, ["source_id"] = sourceId, ["product_id"] = productId, ["price"] = price, ["object"] = "sku" });
        await PutAsync(host, SkuKeys.ForSource(project, sourceId), new JsonObject { ["id"] = id });
    }

    /// <summary>Creates a rule through the API and answers its id.</summary>
    public static async Task<string> RuleAsync(ServiceHost host, string rules, string? applicableTo = null, string? error = null)
    {
        var body = new JsonObject { ["name"] = "rule " + Guid.NewGuid().ToString("N")[..6], ["rules"] = JsonNode.Parse(rules) };
        if (applicableTo is not null)
        {
            body["applicable_to"] = JsonNode.Parse(applicableTo);
        }

        if (error is not null)
        {
            body["error"] = new JsonObject { ["message"] = error };
        }

        return (await host.Server.PostAsync("/v1/validation-rules", body)).Expect(HttpStatusCode.OK).Str("id");
    }

    public static async Task AssignAsync(ServiceHost host, string ruleId, string type, string objectId) =>
        (await host.Server.PostAsync($"/v1/validation-rules/{ruleId}/assignments", new JsonObject { ["related_object_type"] = type, ["related_object_id"] = objectId })).Expect(HttpStatusCode.OK);

    public static JsonObject Cart(params (string ProductId, long Quantity, long Price)[] lines) => new()
    {
        ["order"] = new JsonObject
        {
            ["items"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["product_id"] = l.ProductId, ["quantity"] = l.Quantity, ["price"] = l.Price })]),
        },
    };

    private static async Task PutAsync(ServiceHost host, DocumentKey key, JsonObject body) =>
        await host.Service<IDocumentStore>().CreateAsync(new NewDocument(key, body));
}
