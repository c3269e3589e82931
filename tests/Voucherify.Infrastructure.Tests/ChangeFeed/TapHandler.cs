using System.Collections.Concurrent;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>Passes every change on to a real handler and keeps what it was given, so a test can give it all again.</summary>
public sealed class TapHandler(IChangeHandler inner) : IChangeHandler
{
    public ConcurrentQueue<DocumentChange> Delivered { get; } = new();

    public IChangeHandler Inner => inner;

    public string Name => inner.Name;

    public bool Wants(DocumentKey key) => inner.Wants(key);

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        await inner.HandleAsync(change, cancellationToken);
        Delivered.Enqueue(change);
    }
}
