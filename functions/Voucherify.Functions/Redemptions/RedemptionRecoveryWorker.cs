using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Voucherify.Core.Redemptions;
using Voucherify.Functions.Hosting;

namespace Voucherify.Functions.Redemptions;

/// <summary>
/// Runs redemption recovery at start and then every interval (a minute by default), so counters a crash left ahead of or
/// behind their records are repaired without anyone asking.
/// </summary>
public sealed class RedemptionRecoveryWorker(RedemptionRecovery recovery, RecoverySettings settings, ConfiguredProjectDirectory projects, TimeProvider clock, ILogger<RedemptionRecoveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            await RecoverAllAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RecoverAllAsync(CancellationToken cancellationToken)
    {
        foreach (var project in projects.Projects)
        {
            try
            {
                var repaired = await recovery.RecoverAsync(project, cancellationToken);
                if (repaired > 0)
                {
                    logger.LogWarning("Recovered {Count} interrupted redemption steps in {Project}", repaired, project.Id);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Redemption recovery failed for {Project}", project.Id);
            }
        }
    }
}
