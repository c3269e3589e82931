using System.Collections.Concurrent;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>
/// Passes every change on to a real handler and keeps what it was given, so a test can give it all again. Batches
/// reach a batch handler as batches (counted in <see cref="Batches"/>), so the contract covers both paths.
/// </summary>
public sealed class TapHandler(IChangeHandler inner) : IBatchChangeHandler
{
    private int batches;

    public ConcurrentQueue<DocumentChange> Delivered { get; } = new();

    /// <summary>Changes the handler fails on every time (a batch holding one fails whole), as a poison change would.</summary>
    public Func<DocumentChange, bool>? FailsOn { get; init; }

    public IChangeHandler Inner => inner;

    public int Batches => batches;

    public string Name => inner.Name;

    public bool Wants(DocumentKey key) => inner.Wants(key);

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        ThrowIfFailing([change]);
        await inner.HandleAsync(change, cancellationToken);
        Delivered.Enqueue(change);
    }

    public async Task HandleBatchAsync(IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        if (inner is not IBatchChangeHandler batchHandler)
        {
            throw new NotSupportedException("One by one, please.");
        }

        ThrowIfFailing(changes);
        await batchHandler.HandleBatchAsync(changes, cancellationToken);
        Interlocked.Increment(ref batches);
        foreach (var change in changes)
        {
            Delivered.Enqueue(change);
        }
    }

    private void ThrowIfFailing(IReadOnlyList<DocumentChange> changes)
    {
        if (FailsOn is { } fails && changes.Any(fails))
        {
            throw new InvalidOperationException("A change this handler always fails on.");
        }
    }
}
