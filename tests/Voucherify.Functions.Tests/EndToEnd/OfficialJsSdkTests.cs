using Xunit.Abstractions;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// The promise of the project: a shop using Voucherify's official SDK points it at this service and
/// everything works. tests/e2e-sdk/flows.mjs drives the real dev host, in its own process, through
/// @voucherify/sdk only; this test starts the host, runs the script and reports what it printed.
/// </summary>
public sealed class OfficialJsSdkTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FlowsLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_shop_using_the_official_JS_SDK_can_run_its_voucher_campaign_redemption_and_async_flows_against_the_dev_host()
    {
        var package = RepositoryFolder.Combine("tests", "e2e-sdk");
        await NpmPackage.EnsureInstalledAsync(package, Path.Combine("@voucherify", "sdk"));
        await using var host = await DevHostProcess.StartAsync();

        var environment = new Dictionary<string, string> { ["VOUCHERIFY_URL"] = host.BaseAddress.ToString().TrimEnd('/') };
        var flows = await ChildProcess.RunAsync("node", ["flows.mjs"], package, FlowsLimit, environment);

        if (flows.ExitCode == 0)
        {
            // A failure carries the script's output in its message; a pass still shows which steps ran.
            output.WriteLine(flows.Output);
        }

        Assert.True(
            flows.ExitCode == 0,
            $"node flows.mjs exited {flows.ExitCode?.ToString() ?? "(killed)"} against {host.BaseAddress}:{Environment.NewLine}{flows.Output}" +
            $"{Environment.NewLine}--- dev host output ---{Environment.NewLine}{host.Output}");
    }
}
