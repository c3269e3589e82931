using System.Text.Json.Nodes;
using Voucherify.Core.Storage;
using Voucherify.Core.Vouchers;

namespace Voucherify.Core.Redemptions;

/// <summary>
/// Moves a voucher's redemption counter with single-document guarded patches — the only way a limit
/// can hold under concurrency on a store without cross-document transactions — and journals each
/// move in the voucher itself so a crash between the counter and its record can be repaired.
/// </summary>
public sealed class VoucherUsage(IDocumentStore store, TimeProvider clock)
{
    public const string PendingPath = "pending_uses";
    public const string PendingCountPath = "pending_uses_count";

    /// <summary>Takes one use if the voucher is active and below its limit; atomic with the journal entry.</summary>
    public Task<PatchResult> ReserveAsync(DocumentKey voucher, string redemptionId, CancellationToken cancellationToken) =>
        MoveAsync(voucher, new PendingUse(PendingUse.Redeem, 1, redemptionId, clock.GetUtcNow()), [.. Available(), Condition.IsNull(EntryPath(redemptionId))], cancellationToken);

    /// <summary>
    /// The same take for a store that commits it in one transaction with its record (<see cref="IAtomicDocumentWriter"/>):
    /// no journal entry, since there is no moment at which one exists without the other.
    /// </summary>
    public static AtomicPatch Take(DocumentKey voucher) =>
        new(voucher, [PatchOperation.Increment(VoucherRedemptionSummary.RedeemedQuantityPath, 1)], Available());

    /// <summary>The voucher as read before <see cref="Take"/>, with what the take changed read from the document it left.</summary>
    public static Voucher AfterTake(Voucher before, StoredDocument after) => before with
    {
        Redemption = before.Redemption with { RedeemedQuantity = DocumentPaths.Get(after.Body, VoucherRedemptionSummary.RedeemedQuantityPath)?.GetValue<long>() ?? 0 },
        UpdatedAt = after.UpdatedAt,
    };

    /// <summary>Brings a serialized copy of the voucher as read before the take up to <paramref name="taken"/>: the parts <see cref="AfterTake"/> changed.</summary>
    public static void FillAfterTake(JsonObject serialized, Voucher taken)
    {
        serialized["redemption"] = DocumentJson.ToNode(taken.Redemption);
        serialized["updated_at"] = DocumentJson.ToNode(taken.UpdatedAt);
    }

    /// <summary>Gives one use back for a rollback; never below zero.</summary>
    public Task<PatchResult> ReturnAsync(DocumentKey voucher, string rollbackId, CancellationToken cancellationToken)
    {
        Condition[] guards =
        [
            Condition.Greater(VoucherRedemptionSummary.RedeemedQuantityPath, 0),
            Condition.IsNull(EntryPath(rollbackId)),
        ];
        return MoveAsync(voucher, new PendingUse(PendingUse.Rollback, -1, rollbackId, clock.GetUtcNow()), guards, cancellationToken);
    }

    /// <summary>The record exists: the move stands and its journal entry goes.</summary>
    public Task<PatchResult> ConfirmAsync(DocumentKey voucher, string recordId, CancellationToken cancellationToken) =>
        store.PatchAsync(
            voucher,
            [PatchOperation.Remove(EntryPath(recordId)), PatchOperation.Increment(PendingCountPath, -1)],
            [Condition.IsNotNull(EntryPath(recordId))],
            cancellationToken);

    /// <summary>The record will never exist: undo the move, once, together with its journal entry.</summary>
    public Task<PatchResult> CompensateAsync(DocumentKey voucher, PendingUse use, CancellationToken cancellationToken) =>
        store.PatchAsync(
            voucher,
            [
                PatchOperation.Increment(VoucherRedemptionSummary.RedeemedQuantityPath, -use.Delta),
                PatchOperation.Remove(EntryPath(use.RecordId)),
                PatchOperation.Increment(PendingCountPath, -1),
            ],
            [Condition.IsNotNull(EntryPath(use.RecordId))],
            cancellationToken);

    public static string EntryPath(string recordId) => $"{PendingPath}.{recordId}";

    private static Condition[] Available() =>
    [
        Condition.Eq("active", true),
        Condition.AnyOf(
            Condition.IsNull(VoucherRedemptionSummary.QuantityPath),
            Condition.LessThanPath(VoucherRedemptionSummary.RedeemedQuantityPath, VoucherRedemptionSummary.QuantityPath)),
    ];

    private Task<PatchResult> MoveAsync(DocumentKey voucher, PendingUse use, IReadOnlyList<Condition> guards, CancellationToken cancellationToken) =>
        store.PatchAsync(
            voucher,
            [
                PatchOperation.Increment(VoucherRedemptionSummary.RedeemedQuantityPath, use.Delta),
                PatchOperation.Set(EntryPath(use.RecordId), DocumentJson.ToNode(use)),
                PatchOperation.Increment(PendingCountPath, 1),
            ],
            guards,
            cancellationToken);
}
