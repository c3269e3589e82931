namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>How a child process ended: its exit code (null when it was killed on timeout) and everything it printed.</summary>
public sealed record ProcessResult(int? ExitCode, string Output);
