using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.Lists;
using Voucherify.Core.Rules;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.ValidationRules;

/// <summary>/v1/validation-rules: create, read, update, delete, list.</summary>
public sealed class ValidationRuleFunctions(ValidationRuleService rules)
{
    [Function("ListValidationRules")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/validation-rules")] HttpRequest request)
    {
        var created = new DateRange(QueryReader.Date(request, "end_date"), QueryReader.Date(request, "start_date"));
        var page = await rules.ListAsync(request.Project(), QueryReader.Paging(request), QueryReader.Text(request, "order") ?? "-created_at", created, request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("data", page.Items, page.Total));
    }

    [Function("CreateValidationRule")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/validation-rules")] HttpRequest request) =>
        Api.Ok(await rules.CreateAsync(request.Project(), await RequestBody.ReadAsync<ValidationRuleRequest>(request), request.HttpContext.RequestAborted));

    [Function("GetValidationRule")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/validation-rules/{validationRuleId}")] HttpRequest request, string validationRuleId) =>
        Api.Ok(await rules.GetAsync(request.Project(), validationRuleId, request.HttpContext.RequestAborted));

    [Function("UpdateValidationRule")]
    public async Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/validation-rules/{validationRuleId}")] HttpRequest request, string validationRuleId) =>
        Api.Ok(await rules.UpdateAsync(request.Project(), validationRuleId, await RequestBody.ReadAsync<ValidationRuleRequest>(request), request.HttpContext.RequestAborted));

    [Function("DeleteValidationRule")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/validation-rules/{validationRuleId}")] HttpRequest request, string validationRuleId)
    {
        await rules.DeleteAsync(request.Project(), validationRuleId, request.HttpContext.RequestAborted);
        return Api.NoContent();
    }
}
