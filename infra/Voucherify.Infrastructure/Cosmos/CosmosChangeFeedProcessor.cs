using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Voucherify.Core.ChangeFeed;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// The change feed on Cosmos DB: the SDK's own ChangeFeedProcessor, one per handler (named after it, so each
/// handler keeps its own leases in the lease container and resumes from them after a restart). Within a lease
/// (a partition key range) changes come in the order they were written; the SDK checkpoints the lease after
/// a batch returns, so a batch cut short by a stop or crash is delivered again (handlers are idempotent).
/// Each change goes through <see cref="ChangeDelivery"/>: retries with back-off, then parking, never blocking.
/// The feed is latest-version: a document written several times between two reads arrives once, in its latest
/// version, and deletes arrive as the tombstones <see cref="CosmosDocumentStore"/> writes (docs/COSMOS.md).
/// </summary>
public sealed class CosmosChangeFeedProcessor(
    CosmosDocumentStore store,
    IEnumerable<IChangeHandler> handlers,
    ChangeDelivery delivery,
    ChangeFeedOptions feedOptions,
    CosmosStoreOptions storeOptions,
    IChangeFeedMonitor? monitor = null) : IChangeFeedProcessor
{
    private readonly IReadOnlyList<IChangeHandler> handlers = ChangeHandlers.WithUniqueNames(handlers);
    private readonly IChangeFeedMonitor monitor = monitor ?? SilentChangeFeedMonitor.Instance;
    private readonly SemaphoreSlim gate = new(1, 1);

    // Unless set: every poll of a caught-up lease is a request that costs request units, so not ten a second per lease.
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    // Unique per start: a crashed instance's leases are taken over by whoever runs next once they expire.
    private readonly string instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private List<ChangeFeedProcessor>? running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (running is not null)
            {
                throw new InvalidOperationException("The change feed processor is already running.");
            }

            var (documents, leases) = await store.ContainersAsync().ConfigureAwait(false);
            var started = new List<ChangeFeedProcessor>();
            foreach (var handler in handlers)
            {
                var processor = Build(documents, leases, handler);
                await processor.StartAsync().ConfigureAwait(false);
                started.Add(processor);
            }

            running = started;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (running is null)
            {
                return;
            }

            // The SDK cancels batches in flight (their leases keep the last checkpoint) and releases the leases.
            await Task.WhenAll(running.Select(processor => processor.StopAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
            running = null;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        gate.Dispose();
    }

    private ChangeFeedProcessor Build(Container documents, Container leases, IChangeHandler handler) =>
        documents
            .GetChangeFeedProcessorBuilder(handler.Name, (Container.ChangeFeedStreamHandler)((_, changes, cancellationToken) => DeliverAsync(handler, changes, cancellationToken)))
            .WithInstanceName(instance)
            .WithLeaseContainer(leases)
            .WithStartTime(DateTime.MinValue.ToUniversalTime()) // a handler new to the store starts from the beginning, as on SQLite
            .WithPollInterval(feedOptions.PollInterval ?? DefaultPollInterval)
            .WithMaxItems(feedOptions.BatchSize)
            .WithLeaseConfiguration(storeOptions.LeaseAcquireInterval, storeOptions.LeaseExpirationInterval, storeOptions.LeaseRenewInterval)
            .WithErrorNotification((_, error) =>
            {
                monitor.Faulted(handler.Name, error);
                return Task.CompletedTask;
            })
            .Build();

    /// <summary>Returns once every change of the batch is handled, skipped or parked: only then may the SDK checkpoint.</summary>
    private async Task DeliverAsync(IChangeHandler handler, Stream changes, CancellationToken cancellationToken)
    {
        var page = await JsonNode.ParseAsync(changes, cancellationToken: cancellationToken).ConfigureAwait(false);
        var batch = (page?["Documents"]?.AsArray() ?? []).Select(item => CosmosDocumentStore.ChangeOf(item!.AsObject())).ToList();
        await delivery.DeliverAllAsync(handler, batch, cancellationToken).ConfigureAwait(false);
    }
}
