using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Voucherify.Core.AsyncActions;
using Voucherify.Core.Projects;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.AsyncActions;

/// <summary>
/// Runs async actions one at a time off the request path. On start it re-queues actions a previous
/// process left unfinished, so a restart never loses one.
/// </summary>
public sealed class AsyncActionWorker(InProcessAsyncActionQueue queue, IServiceProvider services, ConfiguredProjectDirectory projects, ILogger<AsyncActionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var (projectId, actionId) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<AsyncActionService>().RunAsync(projectId, actionId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Async action {ActionId} of {ProjectId} crashed", actionId, projectId);
            }
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        var actions = services.GetRequiredService<AsyncActionService>();
        foreach (Project project in projects.Projects)
        {
            foreach (var id in await actions.UnfinishedAsync(project, cancellationToken))
            {
                await queue.EnqueueAsync(project.Id, id, cancellationToken);
            }
        }
    }
}
