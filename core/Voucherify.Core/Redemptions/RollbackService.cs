using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// Undoes a successful redemption: claims it (one guarded patch, so two rollbacks can never both
/// win), gives the use back to the voucher, writes the rollback record, then clears the claim.
/// Each step is repeatable, so recovery can finish a rollback a crash interrupted.
/// </summary>
public sealed class RollbackService(IDocumentStore store, VoucherUsage usage, RuleCounterLedger counters, TimeProvider clock)
{
    public async Task<Redemption> RollbackAsync(Project project, string redemptionId, RollbackRequest request, CancellationToken cancellationToken)
    {
        var original = await GetRollbackableAsync(project, redemptionId, cancellationToken);
        var pending = new PendingRollback(IdGenerator.New(IdPrefixes.Rollback, 18), clock.GetUtcNow(), request.Reason, request.TrackingId ?? original.TrackingId);
        var claimed = await store.PatchAsync(
            RedemptionKeys.For(project, redemptionId),
            [
                PatchOperation.Set("status", RedemptionStatuses.RolledBack),
                PatchOperation.Set("pending_rollback", DocumentJson.ToNode(pending)),
                PatchOperation.Set("related_redemptions", DocumentJson.ToNode(new RelatedRedemptions { Rollbacks = [new RelatedRedemption(pending.RollbackId, pending.At)] })),
            ],
            [Condition.Eq("status", RedemptionStatuses.Succeeded)],
            cancellationToken);
        if (claimed.Document is null)
        {
            throw Problems.AlreadyRolledBack(redemptionId);
        }

        return await FinishAsync(project, claimed.Document.Read<Redemption>(), pending, request, CancellationToken.None);
    }

    /// <summary>Steps after the claim; safe to repeat from any point, which is what recovery does.</summary>
    public async Task<Redemption> FinishAsync(Project project, Redemption original, PendingRollback pending, RollbackRequest? request, CancellationToken cancellationToken)
    {
        var voucherKey = original.Voucher is { } voucher ? VoucherKeys.For(project, voucher.Code) : (DocumentKey?)null;
        var rollbackKey = RedemptionKeys.For(project, pending.RollbackId);
        var existing = await store.GetAsync(rollbackKey, cancellationToken);
        var moves = RuleCounterMoves.Of(await store.GetAsync(RedemptionKeys.For(project, original.Id), cancellationToken));
        if (existing is null && voucherKey is { } key)
        {
            await usage.ReturnAsync(key, pending.RollbackId, cancellationToken);
        }

        if (existing is null)
        {
            foreach (var move in moves)
            {
                await counters.ReturnAsync(project, move, pending.RollbackId, cancellationToken);
            }
        }

        var rollback = existing?.Read<Redemption>() ?? await CreateRecordAsync(project, original, pending, request, voucherKey, cancellationToken);
        if (voucherKey is { } confirmKey)
        {
            await usage.ConfirmAsync(confirmKey, pending.RollbackId, cancellationToken);
        }

        await counters.ConfirmAllAsync(project, moves, pending.RollbackId, cancellationToken);

        await store.PatchAsync(RedemptionKeys.For(project, original.Id), [PatchOperation.Remove("pending_rollback")], null, cancellationToken);
        return rollback;
    }

    private async Task<Redemption> CreateRecordAsync(Project project, Redemption original, PendingRollback pending, RollbackRequest? request, DocumentKey? voucherKey, CancellationToken cancellationToken)
    {
        var voucher = voucherKey is { } key ? (await store.GetAsync(key, cancellationToken))?.Read<Voucher>() : null;
        var rollback = new Redemption
        {
            Id = pending.RollbackId,
            Object = RedemptionObjects.Rollback,
            Date = pending.At,
            CustomerId = original.CustomerId,
            TrackingId = pending.TrackingId,
            Metadata = request?.Metadata ?? original.Metadata,
            Amount = original.Amount is { } amount ? checked(-amount) : null,
            RedemptionId = original.Id,
            Reason = pending.Reason,
            Result = RedemptionResults.Success,
            Status = RedemptionStatuses.Succeeded,
            Order = original.Order,
            Customer = request?.Customer ?? original.Customer,
            RelatedObjectType = original.RelatedObjectType,
            RelatedObjectId = original.RelatedObjectId,
            Voucher = voucher ?? original.Voucher,
        };
        try
        {
            await store.CreateAsync(new NewDocument(RedemptionKeys.For(project, rollback.Id), DocumentJson.ToBody(rollback)), cancellationToken);
            return rollback;
        }
        catch (DocumentConflictException)
        {
            return (await store.GetAsync(RedemptionKeys.For(project, rollback.Id), cancellationToken))!.Read<Redemption>();
        }
    }

    private async Task<Redemption> GetRollbackableAsync(Project project, string redemptionId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(RedemptionKeys.For(project, redemptionId), cancellationToken) ?? throw Problems.NotFound("redemption", redemptionId);
        var redemption = document.Read<Redemption>();
        if (redemption.Object != RedemptionObjects.Redemption)
        {
            throw Problems.InvalidPayload($"{redemptionId} is a rollback; only redemptions can be rolled back.");
        }

        return redemption.Status switch
        {
            RedemptionStatuses.RolledBack => throw Problems.AlreadyRolledBack(redemptionId),
            RedemptionStatuses.Succeeded => redemption,
            _ => throw Problems.InvalidPayload($"Redemption {redemptionId} failed; only successful redemptions can be rolled back."),
        };
    }
}
