using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Customers;

/// <summary>
/// Customers as far as they exist yet: those seen in redemptions, with the summary the change feed keeps.
/// Customer records of their own (create, update, metadata) come with the customers capability.
/// </summary>
public sealed class CustomerService(IDocumentStore store)
{
    public async Task<JsonObject> GetAsync(Project project, string customerId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(CustomerSummaryKeys.For(project.Id, customerId), cancellationToken)
            ?? throw Problems.NotFound("customer", customerId);
        var body = document.Body;
        return new JsonObject
        {
            ["id"] = body["customer_id"]?.DeepClone() ?? customerId,
            ["source_id"] = body["source_id"]?.DeepClone(),
            ["summary"] = body["summary"]?.DeepClone(),
            ["loyalty"] = new JsonObject { ["points"] = 0, ["referred_customers"] = 0, ["campaigns"] = new JsonObject() },
            ["referrals"] = new JsonObject { ["total"] = 0, ["campaigns"] = new JsonArray() },
            ["system_metadata"] = new JsonObject(),
            ["created_at"] = body[DocumentTimestamps.CreatedAtPath]?.DeepClone(),
            ["updated_at"] = body[DocumentTimestamps.UpdatedAtPath]?.DeepClone(),
            ["object"] = "customer",
        };
    }
}
