using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>
/// A child process whose stdout and stderr are read as they come, interleaved into one log:
/// a pipe nobody drains would block the child, and a failure message needs both streams in order.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, line) => child.Append(line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"Cannot start '{fileName}' (is it installed and on PATH?): {exception.Message}", exception);
        }

        // Nothing reads stdin; closing it keeps a child that asks a question from waiting forever.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end, or kills the whole tree when it overruns.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        var exited = await child.WaitForExitAsync(timeout);
        if (!exited)
        {
            child.Kill();
            return new ProcessResult(null, child.Output + $"{Environment.NewLine}[killed after {timeout.TotalSeconds:0}s]");
        }

        return new ProcessResult(child.process.ExitCode, child.Output);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            // This overload also waits for the redirected streams to be read to their end.
            await process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The first group of the first line of output that <paramref name="pattern"/> matches, waiting for it as long as the
    /// process runs and <paramref name="timeout"/> allows; null if it exits or the time runs out first.
    /// </summary>
    public async Task<string?> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // Read before the exit check, so a line written just before the process ended still counts.
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (HasExited || DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Ends the process and everything it started (dotnet, npm and node all spawn children).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
