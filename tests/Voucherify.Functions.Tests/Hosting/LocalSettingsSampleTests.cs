using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.Tests.Hosting;

/// <summary>local.settings.sample.json is the one place a user learns the settings: it must show every one.</summary>
public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void The_sample_settings_name_every_option_and_the_isolated_worker_runtime()
    {
        var root = FindRepositoryRoot();
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")))!["Values"]!.AsObject();

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());
        foreach (var option in typeof(VoucherifyOptions).GetProperties().Where(p => p.Name != nameof(VoucherifyOptions.Projects)))
        {
            // A settings object (ChangeFeed) is shown by its members: Voucherify__ChangeFeed__PollInterval ...
            Assert.True(
                values.ContainsKey($"Voucherify__{option.Name}") || values.Any(v => v.Key.StartsWith($"Voucherify__{option.Name}__", StringComparison.Ordinal)),
                $"local.settings.sample.json lacks Voucherify__{option.Name}");
        }

        foreach (var option in typeof(ProjectOptions).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.True(values.ContainsKey($"Voucherify__Projects__0__{option.Name}"), $"local.settings.sample.json lacks the project setting {option.Name}");
        }
    }

    [Fact]
    public void The_sample_settings_bind_and_leave_the_poll_interval_to_the_store()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(FindRepositoryRoot(), "local.settings.sample.json")))!["Values"]!.AsObject();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key.Replace("__", ":", StringComparison.Ordinal), value.Value?.GetValue<string>())))
            .Build();

        var options = configuration.GetSection("Voucherify").Get<VoucherifyOptions>()!;

        Assert.Null(options.ChangeFeed.PollInterval);
        Assert.Equal(500, options.ChangeFeed.BatchSize);
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Voucherify.Functions.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
