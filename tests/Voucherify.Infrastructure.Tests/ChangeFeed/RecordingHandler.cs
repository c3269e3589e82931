using System.Collections.Concurrent;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>Records every delivery (redeliveries included) and fails where told to.</summary>
public sealed class RecordingHandler(string name, string kind, TimeProvider clock) : IChangeHandler
{
    public ConcurrentQueue<DocumentChange> Delivered { get; } = new();

    public ConcurrentQueue<(DocumentKey Key, DateTimeOffset At)> Attempts { get; } = new();

    /// <summary>For every attempt, whether it ran on one of the <see cref="IdleThreads"/>.</summary>
    public ConcurrentQueue<bool> OnIdleThreads { get; } = new();

    /// <summary>Documents whose every change fails.</summary>
    public ConcurrentDictionary<string, bool> FailOn { get; } = new();

    /// <summary>When set, the handler waits on it before handling this document id (to be stopped mid-change).</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> HoldOn { get; } = new();

    public string Name => name;

    public bool Wants(DocumentKey key) => key.Kind == kind;

    public async Task HandleAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((change.Key, clock.GetUtcNow()));
        OnIdleThreads.Enqueue(IdleThreads.IsCurrentThread);
        if (HoldOn.TryGetValue(change.Key.Id, out var hold))
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (FailOn.ContainsKey(change.Key.Id))
        {
            throw new InvalidOperationException($"cannot handle {change.Key.Id}");
        }

        Delivered.Enqueue(change);
    }
}
