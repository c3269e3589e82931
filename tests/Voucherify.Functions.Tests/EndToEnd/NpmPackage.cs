using System.Security.Cryptography;
using System.Text;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// `dotnet test` on a fresh clone needs no manual step: a package the tests run is installed (npm ci) on first use.
/// Test projects run in parallel processes and every test class may start its own server, so the check and the
/// install hold a lock file: npm ci empties node_modules before it fills it, and an install beside a server that
/// had just started pulled its modules away (on a clean clone the Cosmos change-feed tests failed that way).
/// </summary>
public static class NpmPackage
{
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(5);

    /// <param name="probe">A folder under node_modules that exists once the install is complete.</param>
    public static async Task EnsureInstalledAsync(string package, string probe)
    {
        using var held = await LockAsync(package);
        if (Directory.Exists(Path.Combine(package, "node_modules", probe)))
        {
            return;
        }

        var install = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], package, InstallLimit);
        Assert.True(install.ExitCode == 0, $"npm ci in {package} failed:{Environment.NewLine}{install.Output}");
    }

    /// <summary>An exclusive lock other processes see too (.NET takes an advisory flock for FileShare.None on Unix).</summary>
    private static async Task<FileStream> LockAsync(string package)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(package))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"voucherify-npm-{name}.lock");
        var deadline = DateTime.UtcNow + InstallLimit;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
