using Microsoft.Extensions.Hosting;
using Voucherify.Core.ChangeFeed;

namespace Voucherify.Functions.ChangeFeed;

/// <summary>
/// Runs the change feed processor in the host (the Function App and the dev host alike): the Cosmos DB trigger
/// binding is not available, so the feed is consumed the way that binding does it inside, by a processor we own.
/// </summary>
public sealed class ChangeFeedWorker(IChangeFeedProcessor processor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => processor.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => processor.StopAsync(cancellationToken);
}
