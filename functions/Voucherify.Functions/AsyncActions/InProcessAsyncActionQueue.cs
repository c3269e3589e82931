using System.Threading.Channels;
using Voucherify.Core.AsyncActions;

namespace Voucherify.Functions.AsyncActions;

/// <summary>The local queue of async actions: a channel the worker drains. Lost on exit, which the worker's restart scan repairs.</summary>
public sealed class InProcessAsyncActionQueue : IAsyncActionQueue
{
    private readonly Channel<(string ProjectId, string ActionId)> channel = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<(string ProjectId, string ActionId)> Reader => channel.Reader;

    public ValueTask EnqueueAsync(string projectId, string actionId, CancellationToken cancellationToken = default) =>
        channel.Writer.WriteAsync((projectId, actionId), cancellationToken);
}
