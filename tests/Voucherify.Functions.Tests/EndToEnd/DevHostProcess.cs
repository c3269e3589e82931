using System.Net;
using System.Text.RegularExpressions;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// The built dev host run as a separate process (`dotnet Voucherify.DevHost.dll`), as a developer
/// starts it: its own port, a fresh SQLite file, the dev keys. Nothing of the test's process is
/// shared with it, so what a client sees is what a shop would see.
/// </summary>
public sealed partial class DevHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);

    private readonly ChildProcess child;
    private readonly string folder;
    private readonly bool ownsFolder;

    private DevHostProcess(ChildProcess child, string folder, bool ownsFolder, Uri baseAddress)
    {
        this.child = child;
        this.folder = folder;
        this.ownsFolder = ownsFolder;
        BaseAddress = baseAddress;
    }

    /// <summary>The folder holding the store, to start another host on the same data.</summary>
    public string Folder => folder;

    public Uri BaseAddress { get; }

    /// <summary>What the host printed so far; goes into a failure message.</summary>
    public string Output => child.Output;

    /// <summary>Starts a host on a fresh folder, or on <paramref name="existingFolder"/> (which it then leaves in place).</summary>
    public static async Task<DevHostProcess> StartAsync(string? existingFolder = null, params string[] settings)
    {
        // The test project references the dev host, so its dll, deps and runtimeconfig sit next to ours.
        var dll = Path.Combine(AppContext.BaseDirectory, "Voucherify.DevHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The dev host is not in the test output; does the test project still reference it?", dll);
        }

        var folder = existingFolder ?? Directory.CreateTempSubdirectory("voucherify-e2e-").FullName;

        // Port 0, and the address the host prints: a port picked here would be free only until the host binds it, and
        // another test's host binding port 0 meanwhile could take it (a Cosmos fixture met exactly that).
        string[] arguments = [dll, "--urls", "http://127.0.0.1:0", $"--Voucherify:SqlitePath={Path.Combine(folder, "voucherify.db")}", .. settings];

        // The folder is the working directory too, so nothing the host writes lands in the repository.
        var child = ChildProcess.Start(DotnetHost(), arguments, folder);
        var address = await child.WaitForLineAsync(ListeningLine(), StartupLimit);
        if (address is null)
        {
            child.Dispose();
            DeleteFolder(folder, existingFolder is null);
            throw new InvalidOperationException($"The dev host did not say where it listens within {StartupLimit.TotalSeconds:0}s:{Environment.NewLine}{child.Output}");
        }

        var host = new DevHostProcess(child, folder, existingFolder is null, new Uri(address));
        try
        {
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, as a crash would end it: no shutdown code runs.</summary>
    public void Kill() => child.Kill();

    public ValueTask DisposeAsync()
    {
        child.Dispose();
        DeleteFolder(folder, ownsFolder);
        return ValueTask.CompletedTask;
    }

    private static void DeleteFolder(string folder, bool owned)
    {
        if (!owned)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing cleanup must not hide the test's result.
        }
    }

    /// <summary>The dotnet that runs these tests when the SDK says which one; PATH otherwise.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : "dotnet";
    }

    [GeneratedRegex(@"Voucherify dev host listening on (http://[^,\s]+)")]
    private static partial Regex ListeningLine();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartupLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The dev host exited before answering /health:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The dev host did not answer GET /health within {StartupLimit.TotalSeconds:0}s:{Environment.NewLine}{Output}");
    }
}
