using Voucherify.Core.Campaigns;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Metadata;
using Voucherify.Core.Projects;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Rules.Eligibility;
using Voucherify.Core.Storage;
using Voucherify.Core.Validations;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// POST /v1/vouchers/{code}/redemption. Judges like validate, then takes a use with one guarded
/// patch, then writes the record; every attempt, failed ones too, leaves a record.
/// </summary>
public sealed class RedemptionService(
    IDocumentStore store,
    VoucherLookup vouchers,
    VoucherUsage usage,
    CustomerRecorder customers,
    OrderRecorder orders,
    MetadataValidator metadata,
    EligibilityService eligibilities,
    RuleCounterLedger counters,
    TimeProvider clock)
{
    public async Task<Redemption> RedeemAsync(Project project, string code, VoucherValidationRequest request, string requestId, CancellationToken cancellationToken)
    {
        // The voucher is read while the customer and the order are: nothing it holds depends on them, and on Cosmos DB the
        // read is a round trip. What the use takes is guarded by the write, not by this reading.
        var voucherRead = vouchers.FindAsync(project, code, cancellationToken);
        await metadata.CheckAsync(project, "redemption", request.Metadata, cancellationToken);
        request = await customers.UpsertAsync(project, request, cancellationToken);
        var atomic = store as IAtomicDocumentWriter;
        (request, var newOrder) = await orders.UpsertAsync(project, request, deferNew: atomic is not null, cancellationToken);
        var context = RedemptionContext.From(request, clock.GetUtcNow(), newOrder);
        var document = await voucherRead;
        if (document is null)
        {
            await RecordFailureAsync(project, context, null, Failures.NotFound, cancellationToken);
            throw Problems.NotFound("voucher", code);
        }

        var voucher = document.ReadShared<Voucher>();
        var (campaign, eligibility) = await eligibilities.LoadAsync(project, voucher, request, cancellationToken);
        var evaluation = VoucherEvaluator.Evaluate(voucher, campaign, request, context.Date, project.TimeZone, eligibility);
        if (evaluation.Failure is { } failure)
        {
            throw await FailAsync(project, context, voucher, failure, requestId, cancellationToken);
        }

        var redemptionId = IdGenerator.New(IdPrefixes.Redemption, 18);
        if (atomic is not null)
        {
            return await TakeAtomicallyAsync(atomic, project, context, document.Key, voucher, campaign, eligibility, evaluation, redemptionId, requestId, cancellationToken);
        }

        var reserved = await usage.ReserveAsync(document.Key, redemptionId, cancellationToken);
        if (reserved.Document is null)
        {
            throw await RefusedAsync(project, context, voucher, campaign, requestId, cancellationToken);
        }

        var moves = evaluation.CounterMoves;
        if (await counters.ReserveAllAsync(project, moves, redemptionId, cancellationToken) is { } refused)
        {
            await usage.CompensateAsync(document.Key, new PendingUse(PendingUse.Redeem, 1, redemptionId, context.Date), CancellationToken.None);
            throw await FailAsync(project, context, voucher, eligibility.RefusedBy(refused), requestId, cancellationToken);
        }

        var redemption = context.Success(redemptionId, reserved.Document.Read<Voucher>(), evaluation.Order!);
        await WriteAsync(document.Key, redemption, moves, project, cancellationToken);

        // The record exists, so the journal entries may go and the order may name it: three writes to different
        // documents that need not wait for each other, and on SQLite usually share one group commit.
        var linked = orders.LinkAsync(project, redemption, cancellationToken);
        await Task.WhenAll(
            usage.ConfirmAsync(document.Key, redemption.Id, CancellationToken.None),
            counters.ConfirmAllAsync(project, moves, redemption.Id, CancellationToken.None),
            linked);
        return await linked;
    }

    /// <summary>
    /// On a store with transactions over documents: the use, the rule counters, the record and the order's link commit
    /// together or not at all, so no journal entry, confirmation or recovery is needed, and a redemption is one write.
    /// </summary>
    private async Task<Redemption> TakeAtomicallyAsync(
        IAtomicDocumentWriter atomic,
        Project project,
        RedemptionContext context,
        DocumentKey voucherKey,
        Voucher voucher,
        Campaign? campaign,
        Eligibility eligibility,
        VoucherEvaluation evaluation,
        string redemptionId,
        string requestId,
        CancellationToken cancellationToken)
    {
        var moves = evaluation.CounterMoves;
        var success = context.Success(redemptionId, voucher, evaluation.Order!);
        AtomicWrite? link = context.NewOrder is { } newOrder ? OrderRecorder.LinkedCreate(newOrder, success) : OrderRecorder.Link(project, success);

        // The record is serialized here, from the voucher as read: built inside the write, from the voucher as the use left
        // it, it was half of the one writer's time per redemption, and every queued write waited for it. The use changes
        // only the count and the update time, so those two are all the write fills in; the discount was computed from
        // this reading of the voucher anyway.
        var body = RuleCounterMoves.Attach(DocumentJson.ToBody(success), moves);

        // Each retry follows a write found missing and dealt with (a counter created, a deleted order's link dropped).
        for (var attempt = 0; ; attempt++)
        {
            Redemption? redemption = null;
            List<AtomicWrite> writes = [VoucherUsage.Take(voucherKey), .. moves.Select(move => RuleCounterLedger.Take(project, move))];
            writes.Add(new AtomicCreate(RedemptionKeys.For(project, redemptionId), stored =>
            {
                var taken = VoucherUsage.AfterTake(voucher, stored[0]!);
                redemption = success with { Voucher = taken };
                VoucherUsage.FillAfterTake(body["voucher"]!.AsObject(), taken);
                return body;
            }));
            if (link is not null)
            {
                writes.Add(link);
            }

            var result = await atomic.WriteAtomicallyAsync(writes, cancellationToken);
            var move = result.FailedAt - 1;
            switch (result.Outcome)
            {
                case AtomicWriteOutcome.Committed:
                    return link is null ? redemption! : OrderRecorder.Linked(redemption!, result.Documents[^1]);
                case AtomicWriteOutcome.ConditionFailed or AtomicWriteOutcome.NotFound when result.FailedAt == 0:
                    throw await RefusedAsync(project, context, voucher, campaign, requestId, cancellationToken);
                case AtomicWriteOutcome.ConditionFailed when move < moves.Count:
                    throw await FailAsync(project, context, voucher, eligibility.RefusedBy(moves[move]), requestId, cancellationToken);
                case AtomicWriteOutcome.NotFound when move < moves.Count && attempt <= moves.Count:
                    await counters.EnsureAsync(project, moves[move], cancellationToken);
                    break;
                case AtomicWriteOutcome.NotFound when link is not null && result.FailedAt == writes.Count - 1 && attempt <= moves.Count + 1:
                    // The order was deleted meanwhile: the redemption stands without the link, as on the journal path.
                    link = null;
                    break;
                default:
                    throw new InvalidOperationException($"Redemption {redemptionId}: write {result.FailedAt} of {writes.Count} was refused ({result.Outcome}).");
            }
        }
    }

    private async Task WriteAsync(DocumentKey voucherKey, Redemption redemption, IReadOnlyList<CounterMove> moves, Project project, CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateAsync(new NewDocument(RedemptionKeys.For(project, redemption.Id), RuleCounterMoves.Attach(DocumentJson.ToBody(redemption), moves)), cancellationToken);
        }
        catch
        {
            var use = new PendingUse(PendingUse.Redeem, 1, redemption.Id, redemption.Date);
            await usage.CompensateAsync(voucherKey, use, CancellationToken.None);
            await counters.CompensateAllAsync(project, moves, redemption.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The guarded patch refused: read again to name the reason (limit reached, disabled or deleted meanwhile).</summary>
    private async Task<ApiException> RefusedAsync(Project project, RedemptionContext context, Voucher voucher, Campaign? campaign, string requestId, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(VoucherKeys.For(project, voucher.Code), cancellationToken);
        if (current is null)
        {
            await RecordFailureAsync(project, context, voucher, Failures.NotFound, cancellationToken);
            return Problems.NotFound("voucher", voucher.Code);
        }

        var now = current.Read<Voucher>();
        var failure = VoucherEvaluator.Availability(now, campaign, context.Date, project.TimeZone) ?? Failures.QuantityExceeded;
        return await FailAsync(project, context, now, failure, requestId, cancellationToken);
    }

    private async Task<ApiException> FailAsync(Project project, RedemptionContext context, Voucher voucher, Failure failure, string requestId, CancellationToken cancellationToken)
    {
        var record = await RecordFailureAsync(project, context, voucher, failure, cancellationToken);
        return new ApiException(failure.ToError(400, voucher.Code) with
        {
            RequestId = requestId,
            ResourceId = record.Id,
            ResourceType = "redemption",
        });
    }

    /// <summary>The failure's record; a new order the attempt brought is created with it, as it is for a redemption that succeeds.</summary>
    private async Task<Redemption> RecordFailureAsync(Project project, RedemptionContext context, Voucher? voucher, Failure failure, CancellationToken cancellationToken)
    {
        var record = context.Failure(IdGenerator.New(IdPrefixes.FailedRedemption, 18), voucher, failure);
        var create = new NewDocument(RedemptionKeys.For(project, record.Id), DocumentJson.ToBody(record));
        if (context.NewOrder is not { } order)
        {
            await store.CreateAsync(create, cancellationToken);
            return record;
        }

        var result = await ((IAtomicDocumentWriter)store).WriteAtomicallyAsync([new AtomicCreate(order.Key, _ => order.Body), new AtomicCreate(create.Key, _ => create.Body)], cancellationToken);
        return result.Outcome == AtomicWriteOutcome.Committed
            ? record
            : throw new InvalidOperationException($"Redemption {record.Id}: write {result.FailedAt} was refused ({result.Outcome}).");
    }
}
