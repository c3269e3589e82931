using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Lists;
using Voucherify.Core.Rules;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.ValidationRules;

/// <summary>Assignments of rules to vouchers and campaigns: per rule, and across the project.</summary>
public sealed class ValidationRuleAssignmentFunctions(AssignmentService assignments)
{
    [Function("ListValidationRuleAssignments")]
    public async Task<IActionResult> ListForRule([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/validation-rules/{validationRuleId}/assignments")] HttpRequest request, string validationRuleId) =>
        await ListAsync(request, validationRuleId, QueryReader.Text(request, "related_object_id"));

    [Function("ListAllValidationRuleAssignments")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/validation-rules-assignments")] HttpRequest request) =>
        await ListAsync(request, QueryReader.Text(request, "rule"), QueryReader.Text(request, "related_object_id"));

    [Function("CreateValidationRuleAssignment")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/validation-rules/{validationRuleId}/assignments")] HttpRequest request, string validationRuleId)
    {
        var body = await RequestBody.ReadAsync<AssignmentRequest>(request);
        return Api.Ok(await assignments.AssignAsync(request.Project(), validationRuleId, body, QueryReader.Flag(request, "force"), request.HttpContext.RequestAborted));
    }

    [Function("DeleteValidationRuleAssignment")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/validation-rules/{validationRuleId}/assignments/{assignmentId}")] HttpRequest request, string validationRuleId, string assignmentId)
    {
        await assignments.UnassignAsync(request.Project(), validationRuleId, assignmentId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }

    private async Task<IActionResult> ListAsync(HttpRequest request, string? ruleId, string? relatedObjectId)
    {
        var page = await assignments.ListAsync(request.Project(), ruleId, relatedObjectId, QueryReader.Paging(request), QueryReader.Text(request, "order") ?? "-created_at", request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("data", page.Items, page.Total));
    }
}
