using System.Collections.Concurrent;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>The change log, noting the (fake) time of every read.</summary>
public sealed class TimedFeed(IChangeFeed inner, TimeProvider clock) : IChangeFeed
{
    public ConcurrentQueue<DateTimeOffset> Reads { get; } = new();

    public Task<ChangeBatch> ReadAsync(string? checkpoint, int maxChanges, Func<DocumentKey, bool> wanted, CancellationToken cancellationToken)
    {
        Reads.Enqueue(clock.GetUtcNow());
        return inner.ReadAsync(checkpoint, maxChanges, wanted, cancellationToken);
    }
}
