using System.Collections.Concurrent;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>Keeps what the processors reported, so a test that times out says why.</summary>
public sealed class FaultLog : IChangeFeedMonitor
{
    private readonly ConcurrentQueue<string> entries = new();

    public void Retrying(string handler, DocumentChange change, Exception error, int attempt, TimeSpan delay)
    {
    }

    public void Parked(string handler, DocumentChange change, Exception error, int attempts)
    {
    }

    public void Faulted(string handler, Exception error) => entries.Enqueue($"{handler}: {error}");

    public override string ToString() => string.Join(Environment.NewLine, entries.Take(5));
}
