using System.Net;
using System.Net.Sockets;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// The built dev host run as a separate process (`dotnet Voucherify.DevHost.dll`), as a developer
/// starts it: its own port, a fresh SQLite file, the dev keys. Nothing of the test's process is
/// shared with it, so what a client sees is what a shop would see.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
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
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] arguments = [dll, "--urls", baseAddress.ToString().TrimEnd('/'), $"--Voucherify:SqlitePath={Path.Combine(folder, "voucherify.db")}", .. settings];

        // The folder is the working directory too, so nothing the host writes lands in the repository.
        var child = ChildProcess.Start(DotnetHost(), arguments, folder);
        var host = new DevHostProcess(child, folder, existingFolder is null, baseAddress);
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
        if (!ownsFolder)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing cleanup must not hide the test's result.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The dotnet that runs these tests when the SDK says which one; PATH otherwise.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
