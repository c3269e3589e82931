using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Audit;
using Voucherify.Core.Errors;
using Voucherify.Core.Lists;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Audit;

/// <summary>Our extension (docs/CHOICES.md): the contract has no place that lists every change of a voucher or campaign.</summary>
public sealed class AuditFunctions(IAuditLog audit)
{
    [Function("ListAuditEntries")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/audit")] HttpRequest request)
    {
        var objectId = QueryReader.Text(request, "object_id") ?? throw Problems.MissingParam("object_id is required.");
        var limit = QueryReader.Integer(request, "limit") ?? 100;
        if (limit is < 1 or > 100)
        {
            throw Problems.InvalidQueryParams("limit must be between 1 and 100.");
        }

        var page = await audit.ListAsync(
            request.Project(),
            objectId,
            QueryReader.Text(request, "object_type"),
            QueryReader.Integer(request, "starting_after_sequence"),
            (int)limit,
            request.HttpContext.RequestAborted);
        var list = WireList.Of("data", page.Entries, page.Total);
        list["has_more"] = page.HasMore;
        return Api.Ok(list);
    }
}
