using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// Repairs what a crash between two writes leaves behind. A journal entry on a voucher older than
/// the grace period either has its record (confirm it) or never will (undo the counter move);
/// a redemption still marked mid-rollback has its rollback finished. Every step is guarded, so
/// running recovery twice, or beside live traffic, changes nothing more.
/// </summary>
public sealed class RedemptionRecovery(IDocumentStore store, VoucherUsage usage, RuleCounterLedger counters, RollbackService rollbacks, RecoverySettings settings, TimeProvider clock)
{
    public async Task<int> RecoverAsync(Project project, CancellationToken cancellationToken)
    {
        var repaired = 0;
        await foreach (var voucher in store.ScanAsync(new DocumentQuery(project.Id, VoucherKeys.Kind) { Where = [Condition.Greater(VoucherUsage.PendingCountPath, 0)], PageSize = 200 }, cancellationToken))
        {
            repaired += await RepairVoucherAsync(project, voucher, cancellationToken);
        }

        await foreach (var counter in store.ScanAsync(new DocumentQuery(project.Id, RuleCounterKeys.Kind) { Where = [Condition.Greater(RuleCounterLedger.PendingCountPath, 0)], PageSize = 200 }, cancellationToken))
        {
            repaired += await RepairCounterAsync(project, counter, cancellationToken);
        }

        await foreach (var redemption in store.ScanAsync(new DocumentQuery(project.Id, RedemptionKeys.Kind) { Where = [Condition.IsNotNull("pending_rollback")], PageSize = 200 }, cancellationToken))
        {
            var record = redemption.Read<Redemption>();
            if (record.PendingRollback is { } pending && IsStale(pending.At))
            {
                await rollbacks.FinishAsync(project, record, pending, null, cancellationToken);
                repaired++;
            }
        }

        return repaired;
    }

    private async Task<int> RepairVoucherAsync(Project project, StoredDocument voucher, CancellationToken cancellationToken)
    {
        var repaired = 0;
        var entries = voucher.Body[VoucherUsage.PendingPath]?.AsObject().Select(e => e.Value.Deserialize<PendingUse>(Wire.Options)!).ToList() ?? [];
        foreach (var use in entries.Where(u => IsStale(u.At)))
        {
            var record = await store.GetAsync(RedemptionKeys.For(project, use.RecordId), cancellationToken);
            if (record is not null)
            {
                await usage.ConfirmAsync(voucher.Key, use.RecordId, cancellationToken);
            }
            else if (use.Kind == PendingUse.Redeem)
            {
                await usage.CompensateAsync(voucher.Key, use, cancellationToken);
            }
            else
            {
                continue;
            }

            repaired++;
        }

        return repaired;
    }

    /// <summary>The same repair for rule counters: a redemption entry whose record exists is confirmed, one without is undone; rollback entries are finished by the rollback.</summary>
    private async Task<int> RepairCounterAsync(Project project, StoredDocument counter, CancellationToken cancellationToken)
    {
        var repaired = 0;
        var entries = counter.Body[RuleCounterLedger.PendingPath]?.AsObject().Select(e => e.Value.Deserialize<CounterEntry>(Wire.Options)!).ToList() ?? [];
        foreach (var entry in entries.Where(e => IsStale(e.At) && e.Kind == PendingUse.Redeem))
        {
            if (await store.GetAsync(RedemptionKeys.For(project, entry.RecordId), cancellationToken) is not null)
            {
                await counters.ConfirmAsync(counter.Key, entry.RecordId, cancellationToken);
            }
            else
            {
                await counters.CompensateAsync(counter.Key, entry, cancellationToken);
            }

            repaired++;
        }

        return repaired;
    }

    private bool IsStale(DateTimeOffset at) => clock.GetUtcNow() - at > settings.GracePeriod;
}
