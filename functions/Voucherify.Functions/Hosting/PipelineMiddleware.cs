using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Voucherify.Functions.Http;

namespace Voucherify.Functions.Hosting;

/// <summary>Runs the shared request pipeline around every HTTP function in the Function App.</summary>
public sealed class PipelineMiddleware(RequestPipeline pipeline) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        return http is null ? next(context) : pipeline.InvokeAsync(http, () => next(context));
    }
}
