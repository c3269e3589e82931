using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Lists;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.AsyncActions;

/// <summary>/v1/async-actions: how a client follows long work it started.</summary>
public sealed class AsyncActionFunctions(AsyncActionService actions)
{
    [Function("ListAsyncActions")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/async-actions")] HttpRequest request)
    {
        var limit = QueryReader.Paging(request).Limit;
        var items = await actions.ListAsync(request.Project(), limit, QueryReader.Date(request, "end_date"), request.HttpContext.RequestAborted);
        return Api.Ok(WireList.Of("async_actions", items, items.Count));
    }

    [Function("GetAsyncAction")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/async-actions/{asyncActionId}")] HttpRequest request, string asyncActionId) =>
        Api.Ok(await actions.GetAsync(request.Project(), asyncActionId, request.HttpContext.RequestAborted));
}
