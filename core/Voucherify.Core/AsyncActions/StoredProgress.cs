using Voucherify.Core.Storage;

namespace Voucherify.Core.AsyncActions;

/// <summary>
/// Writes an action's progress when it changes, so polling clients see it move; guarded on IN_PROGRESS
/// so a late write cannot undo the final 100.
/// </summary>
public sealed class StoredProgress(IDocumentStore store, DocumentKey key) : IProgress<int>
{
    private int last = -1;

    public void Report(int value)
    {
        var percent = Math.Clamp(value, 0, 99);
        if (Interlocked.Exchange(ref last, percent) == percent)
        {
            return;
        }

        _ = store.PatchAsync(
            key,
            [PatchOperation.Set("progress", percent)],
            [Condition.Eq("status", AsyncActionStatuses.InProgress)]);
    }
}
