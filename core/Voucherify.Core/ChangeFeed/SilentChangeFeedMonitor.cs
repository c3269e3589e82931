using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

public sealed class SilentChangeFeedMonitor : IChangeFeedMonitor
{
    public static SilentChangeFeedMonitor Instance { get; } = new();

    public void Retrying(string handler, DocumentChange change, Exception error, int attempt, TimeSpan delay)
    {
    }

    public void Parked(string handler, DocumentChange change, Exception error, int attempts)
    {
    }

    public void Faulted(string handler, Exception error)
    {
    }
}
