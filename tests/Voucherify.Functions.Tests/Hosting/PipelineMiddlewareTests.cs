using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Voucherify.Core.Errors;
using Voucherify.Core.Storage;
using Voucherify.DevHost;
using Voucherify.Functions.Hosting;
using Voucherify.Functions.Http;
using Voucherify.Core.Idempotency;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Functions.Tests.Hosting;

/// <summary>
/// The Functions host cannot run here, so the worker middleware is driven with a mocked
/// FunctionContext carrying a real HttpContext, the way the ASP.NET Core integration hands it over.
/// </summary>
public sealed class PipelineMiddlewareTests
{
    private readonly PipelineMiddleware middleware = new(Pipeline());

    [Fact]
    public async Task A_request_without_keys_is_answered_401_and_never_reaches_the_function()
    {
        var http = NewHttpContext("/v1/vouchers");
        var reached = false;

        await middleware.Invoke(Context(http), _ => { reached = true; return Task.CompletedTask; });

        Assert.False(reached);
        Assert.Equal(401, http.Response.StatusCode);
        Assert.Equal("unauthorized", Body(http)["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_with_server_keys_reaches_the_function_with_its_caller()
    {
        var http = NewHttpContext("/v1/vouchers");
        http.Request.Headers["X-App-Id"] = DevDefaults.AppId;
        http.Request.Headers["X-App-Token"] = DevDefaults.AppToken;
        string? project = null;

        await middleware.Invoke(Context(http), _ => { project = http.Request.Project().Id; return Task.CompletedTask; });

        Assert.Equal(DevDefaults.ProjectId, project);
        Assert.False(string.IsNullOrEmpty(http.Response.Headers["X-Request-Id"]));
    }

    [Fact]
    public async Task The_function_runs_as_a_waiting_caller_so_the_store_commits_its_writes_first_and_the_mark_ends_with_the_request()
    {
        var http = NewHttpContext("/health");
        var waiting = false;

        await middleware.Invoke(Context(http), _ => { waiting = WriteUrgency.CallerWaits; return Task.CompletedTask; });

        Assert.True(waiting);
        Assert.False(WriteUrgency.CallerWaits);
    }

    [Fact]
    public async Task A_domain_error_thrown_by_the_function_becomes_the_contract_error_object()
    {
        var http = NewHttpContext("/health");

        await middleware.Invoke(Context(http), _ => throw Problems.NotFound("voucher", "NOPE"));

        Assert.Equal(404, http.Response.StatusCode);
        var body = Body(http);
        Assert.Equal("not_found", body["key"]!.GetValue<string>());
        Assert.Equal(http.Response.Headers["X-Request-Id"].ToString(), body["request_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_store_still_locked_after_its_busy_timeout_is_a_503_with_Retry_After_not_a_500()
    {
        var http = NewHttpContext("/health");

        await middleware.Invoke(Context(http), _ => throw new Microsoft.Data.Sqlite.SqliteException("database is locked", 5));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("service_unavailable", Body(http)["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.TooManyRequests)]
    [InlineData(System.Net.HttpStatusCode.ServiceUnavailable)]
    [InlineData(System.Net.HttpStatusCode.RequestTimeout)]
    public async Task Cosmos_DB_out_of_capacity_is_a_503_with_its_own_wait(System.Net.HttpStatusCode status)
    {
        var http = NewHttpContext("/health");
        var busy = new Microsoft.Azure.Cosmos.CosmosException("busy", status, 0, "activity", 1.0);

        await middleware.Invoke(Context(http), _ => throw busy);

        Assert.Equal(503, http.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(http.Response.Headers.RetryAfter.ToString()));
        Assert.Equal("service_unavailable", Body(http)["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_other_store_failure_stays_a_500()
    {
        var http = NewHttpContext("/health");

        await middleware.Invoke(Context(http), _ => throw new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal(string.Empty, http.Response.Headers.RetryAfter.ToString());
    }

    private static RequestPipeline Pipeline()
    {
        var options = Options.Create(new VoucherifyOptions
        {
            Projects =
            [
                new ProjectOptions
                {
                    Id = DevDefaults.ProjectId,
                    Name = "Development",
                    ServerKeys = [new KeyOptions { AppId = DevDefaults.AppId, Token = DevDefaults.AppToken }],
                },
            ],
        });
        var unusedStore = new SqliteDocumentStore(new SqliteStoreOptions(Path.Combine(Path.GetTempPath(), $"never-opened-{Guid.NewGuid():N}.db")), TimeProvider.System);
        var idempotent = new IdempotentRequests(new IdempotencyService(unusedStore, TimeProvider.System));
        return new RequestPipeline(new CallerAuthenticator(new ConfiguredProjectDirectory(options)), new RequestRateLimiter(options), idempotent, NullLogger<RequestPipeline>.Instance);
    }

    private static DefaultHttpContext NewHttpContext(string path)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.Method = "GET";
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static FunctionContext Context(HttpContext http)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        return context.Object;
    }

    private static JsonNode Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return JsonNode.Parse(http.Response.Body)!;
    }
}
