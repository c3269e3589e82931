using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Voucherify.DevHost;

namespace Voucherify.Functions.Tests.Hosting;

public sealed class DevHostConfigurationTests
{
    [Fact]
    public async Task The_dev_host_watches_no_configuration_file_so_store_writes_in_its_folder_wake_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("devhost-config-");
        try
        {
            await using var app = DevHostApp.Build([$"--Voucherify:SqlitePath={Path.Combine(folder.FullName, "store.db")}"]);
            var files = ((IConfigurationRoot)app.Configuration).Providers.OfType<FileConfigurationProvider>().ToList();

            Assert.NotEmpty(files);
            Assert.All(files, provider => Assert.False(provider.Source.ReloadOnChange, $"{provider} reloads on change"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Voucherify.DevHost")]
    [InlineData("Voucherify.Functions")]
    public void Objects_up_to_a_mebibyte_are_young_objects_so_a_busy_customers_summary_does_not_drive_gen2_collections(string host)
    {
        // The test project references both hosts, so their runtimeconfig files sit next to ours.
        var path = Path.Combine(AppContext.BaseDirectory, $"{host}.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(1_048_576, settings["System.GC.LOHThreshold"]?.GetValue<int>());
    }

    // The benchmark's floor host relies on its middleware wrapping every answer of the dev host, refusals too.
    [Fact]
    public async Task Outermost_middleware_wraps_the_request_pipeline_and_sees_its_answers_refusals_included()
    {
        // A refusal is answered by the pipeline without calling on: only middleware ahead of it sees one.
        var folder = Directory.CreateTempSubdirectory("devhost-outermost-");
        var seen = new List<(string Path, int Status)>();
        try
        {
            await using var app = DevHostApp.Build(
                ["--urls", "http://127.0.0.1:0", $"--Voucherify:SqlitePath={Path.Combine(folder.FullName, "store.db")}"],
                outermost: host => host.Use(async (context, next) =>
                {
                    // Noted as the answer starts, before the client can have it: after next, it could race the asserts.
                    context.Response.OnStarting(() =>
                    {
                        lock (seen)
                        {
                            seen.Add((context.Request.Path.Value!, context.Response.StatusCode));
                        }

                        return Task.CompletedTask;
                    });
                    await next(context);
                }));
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            using var unauthorized = await client.GetAsync(new Uri("/v1/vouchers/NO-KEYS", UriKind.Relative));
            await app.StopAsync();

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
            Assert.Equal([("/health", StatusCodes.Status200OK), ("/v1/vouchers/NO-KEYS", StatusCodes.Status401Unauthorized)], seen);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
