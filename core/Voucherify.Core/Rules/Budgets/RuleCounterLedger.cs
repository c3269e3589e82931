using System.Text.Json.Nodes;
using Voucherify.Core.Projects;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Budgets;

/// <summary>
/// Moves rule counters the way <see cref="VoucherUsage"/> moves a voucher's: each move is one guarded patch that checks
/// the budget's bound, adds the amounts and writes a journal entry atomically; the entry goes once the record exists,
/// and recovery confirms or undoes entries a crash left behind.
/// </summary>
public sealed class RuleCounterLedger(IDocumentStore store, TimeProvider clock)
{
    public const string PendingPath = "pending_uses";
    public const string PendingCountPath = "pending_uses_count";

    /// <summary>Applies every move or none: a refused guard undoes the moves already made and names the counter that refused.</summary>
    public async Task<CounterMove?> ReserveAllAsync(Project project, IReadOnlyList<CounterMove> moves, string redemptionId, CancellationToken cancellationToken)
    {
        for (var k = 0; k < moves.Count; k++)
        {
            if (!await MoveAsync(project, moves[k], PendingUse.Redeem, redemptionId, [.. moves[k].Guards], cancellationToken))
            {
                foreach (var made in moves.Take(k))
                {
                    await CompensateAsync(RuleCounterKeys.For(project, made.CounterId), Entry(PendingUse.Redeem, redemptionId, made), CancellationToken.None);
                }

                return moves[k];
            }
        }

        return null;
    }

    /// <summary>Gives a rolled-back redemption's amounts back; never below zero.</summary>
    public Task<bool> ReturnAsync(Project project, CounterMove move, string rollbackId, CancellationToken cancellationToken) =>
        MoveAsync(project, move.Negated(), PendingUse.Rollback, rollbackId, [Condition.Greater(RuleCounterKeys.RedemptionsCount, 0)], cancellationToken);

    public async Task ConfirmAllAsync(Project project, IEnumerable<CounterMove> moves, string recordId, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            await ConfirmAsync(RuleCounterKeys.For(project, move.CounterId), recordId, cancellationToken);
        }
    }

    public async Task CompensateAllAsync(Project project, IEnumerable<CounterMove> moves, string recordId, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            await CompensateAsync(RuleCounterKeys.For(project, move.CounterId), Entry(PendingUse.Redeem, recordId, move), cancellationToken);
        }
    }

    public Task<PatchResult> ConfirmAsync(DocumentKey counter, string recordId, CancellationToken cancellationToken) =>
        store.PatchAsync(counter, [PatchOperation.Remove(EntryPath(recordId)), PatchOperation.Increment(PendingCountPath, -1)], [Condition.IsNotNull(EntryPath(recordId))], cancellationToken);

    public Task<PatchResult> CompensateAsync(DocumentKey counter, CounterEntry entry, CancellationToken cancellationToken) =>
        store.PatchAsync(
            counter,
            [
                PatchOperation.Increment(RuleCounterKeys.RedemptionsCount, -entry.Count),
                PatchOperation.Increment(RuleCounterKeys.DiscountedAmount, -entry.DiscountedAmount),
                PatchOperation.Increment(RuleCounterKeys.OrdersAmount, -entry.OrdersAmount),
                PatchOperation.Remove(EntryPath(entry.RecordId)),
                PatchOperation.Increment(PendingCountPath, -1),
            ],
            [Condition.IsNotNull(EntryPath(entry.RecordId))],
            cancellationToken);

    public static string EntryPath(string recordId) => $"{PendingPath}.{recordId}";

    /// <summary>A move for a store that commits it in one transaction with its record: the guards and amounts, no journal entry.</summary>
    public static AtomicPatch Take(Project project, CounterMove move) =>
        new(RuleCounterKeys.For(project, move.CounterId), Amounts(move), [.. move.Guards]);

    /// <summary>A counter starts at zero the first time a budget rule needs it; a racing creator's document is as good as ours.</summary>
    public async Task EnsureAsync(Project project, CounterMove move, CancellationToken cancellationToken) =>
        await EnsureAsync(RuleCounterKeys.For(project, move.CounterId), cancellationToken);

    private static PatchOperation[] Amounts(CounterMove move) =>
    [
        PatchOperation.Increment(RuleCounterKeys.RedemptionsCount, move.Count),
        PatchOperation.Increment(RuleCounterKeys.DiscountedAmount, move.DiscountedAmount),
        PatchOperation.Increment(RuleCounterKeys.OrdersAmount, move.OrdersAmount),
    ];

    private async Task<bool> MoveAsync(Project project, CounterMove move, string kind, string recordId, List<Condition> guards, CancellationToken cancellationToken)
    {
        var key = RuleCounterKeys.For(project, move.CounterId);
        var entry = Entry(kind, recordId, move);
        guards.Add(Condition.IsNull(EntryPath(recordId)));
        PatchOperation[] operations =
        [
            .. Amounts(move),
            PatchOperation.Set(EntryPath(recordId), DocumentJson.ToNode(entry)),
            PatchOperation.Increment(PendingCountPath, 1),
        ];
        var result = await store.PatchAsync(key, operations, guards, cancellationToken);
        if (result.Outcome == PatchOutcome.NotFound)
        {
            await EnsureAsync(key, cancellationToken);
            result = await store.PatchAsync(key, operations, guards, cancellationToken);
        }

        return result.Outcome == PatchOutcome.Applied;
    }

    private async Task EnsureAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["id"] = key.Id,
            [RuleCounterKeys.RedemptionsCount] = 0,
            [RuleCounterKeys.DiscountedAmount] = 0,
            [RuleCounterKeys.OrdersAmount] = 0,
            [PendingCountPath] = 0,
        };
        try
        {
            await store.CreateAsync(new NewDocument(key, body), cancellationToken);
        }
        catch (DocumentConflictException)
        {
        }
    }

    private CounterEntry Entry(string kind, string recordId, CounterMove move) =>
        new(kind, recordId, move.Count, move.DiscountedAmount, move.OrdersAmount, clock.GetUtcNow());
}
