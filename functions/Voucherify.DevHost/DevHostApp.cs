using Voucherify.Core.Errors;
using Voucherify.Functions.Health;
using Voucherify.Functions.Hosting;
using Voucherify.Functions.Http;

namespace Voucherify.DevHost;

/// <summary>
/// The one-command local service: the Function App's functions on Kestrel, the SQLite store in a
/// file under the working folder, and dev keys when none are configured.
/// </summary>
public static class DevHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="outermost">Middleware ahead of the request pipeline (the benchmark's floor host adds its write there).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null, Action<WebApplication>? outermost = null)
    {
        // No configuration reload: its watcher covers the working folder, where the store's file lives by default, so
        // it would wake on every write the store makes (and ignore it). A later argument can still turn it back on.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.Configuration.AddInMemoryCollection(DevDefaults.For(builder.Configuration));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBody.BulkLimit);
        builder.Services.AddRouting();
        builder.Services.AddVoucherify(builder.Configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        outermost?.Invoke(app);
        var pipeline = app.Services.GetRequiredService<RequestPipeline>();
        app.Use(async (context, next) =>
        {
            await pipeline.InvokeAsync(context, () => next(context));
            await AnswerUnmatchedAsync(context);
        });
        app.UseRouting();
        FunctionEndpoints.Map(app, typeof(HealthFunctions).Assembly);
        return app;
    }

    /// <summary>Routing answers an unknown path or method with an empty 404/405; the contract wants its error object.</summary>
    private static Task AnswerUnmatchedAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (context.Response.HasStarted || status is not (StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed))
        {
            return Task.CompletedTask;
        }

        var error = status == StatusCodes.Status405MethodNotAllowed
            ? Problems.MethodNotAllowed(context.Request.Method, context.Request.Path).Error
            : Problems.RouteNotFound(context.Request.Path).Error;
        return RequestPipeline.WriteErrorAsync(context, error);
    }
}
