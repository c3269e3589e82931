namespace Voucherify.Core.Storage;

/// <summary>
/// Whether the writes of the current async flow are made for a caller who waits for the answer (an HTTP request) or for
/// background work (change-feed handlers, async actions such as code generation). A store with one writer (SQLite)
/// commits a waiting caller's writes ahead of queued background ones, so a checkout does not wait behind a batch of
/// derived records or generated codes; a store whose writes do not queue behind each other (Cosmos DB) ignores it.
/// </summary>
public static class WriteUrgency
{
    private static readonly AsyncLocal<bool> callerWaits = new();

    /// <summary>True in a flow marked by <see cref="MarkCallerWaiting"/>, and in what that flow starts.</summary>
    public static bool CallerWaits => callerWaits.Value;

    /// <summary>
    /// Marks the rest of the current flow as a waiting caller's. Set inside an async method, the mark ends when the
    /// method returns to its own caller; background loops fed from a queue never carry it.
    /// </summary>
    public static void MarkCallerWaiting() => callerWaits.Value = true;
}
