namespace Voucherify.Core.AsyncActions;

/// <summary>Hands a stored action to whatever runs actions (an in-process worker locally, a queue in Azure).</summary>
public interface IAsyncActionQueue
{
    ValueTask EnqueueAsync(string projectId, string actionId, CancellationToken cancellationToken = default);
}
