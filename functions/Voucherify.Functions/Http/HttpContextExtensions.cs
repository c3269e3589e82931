using Microsoft.AspNetCore.Http;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;

namespace Voucherify.Functions.Http;

public static class HttpContextExtensions
{
    private const string CallerItem = "voucherify.caller";
    private const string RequestIdItem = "voucherify.request_id";

    public static Caller Caller(this HttpRequest request) =>
        request.HttpContext.Items[CallerItem] as Caller ?? throw Problems.Unauthorized();

    public static Project Project(this HttpRequest request) => request.Caller().Project;

    internal static bool HasCaller(this HttpContext context) => context.Items.ContainsKey(CallerItem);

    internal static void SetCaller(this HttpContext context, Caller caller) => context.Items[CallerItem] = caller;

    public static string RequestId(this HttpContext context) =>
        context.Items[RequestIdItem] as string ?? "v-unknown";

    internal static void SetRequestId(this HttpContext context, string requestId) => context.Items[RequestIdItem] = requestId;
}
