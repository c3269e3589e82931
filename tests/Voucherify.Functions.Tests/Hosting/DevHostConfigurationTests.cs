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
}
