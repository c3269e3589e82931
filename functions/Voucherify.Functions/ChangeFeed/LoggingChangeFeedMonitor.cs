using Microsoft.Extensions.Logging;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Functions.ChangeFeed;

public sealed class LoggingChangeFeedMonitor(ILogger<LoggingChangeFeedMonitor> logger) : IChangeFeedMonitor
{
    public void Retrying(string handler, DocumentChange change, Exception error, int attempt, TimeSpan delay) =>
        logger.LogWarning(error, "Change handler {Handler} failed on {Document} (attempt {Attempt}); retrying in {Delay}", handler, change.Key, attempt, delay);

    public void Parked(string handler, DocumentChange change, Exception error, int attempts) =>
        logger.LogError(error, "Change handler {Handler} parked {Document} at sequence {Sequence} after {Attempts} attempts", handler, change.Key, change.Sequence, attempts);

    public void Faulted(string handler, Exception error) =>
        logger.LogError(error, "Change feed loop of {Handler} failed; it resumes from its last position", handler);
}
