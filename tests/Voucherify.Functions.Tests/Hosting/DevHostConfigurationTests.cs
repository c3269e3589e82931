using System.Text.Json.Nodes;
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
}
