using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// A create whose body is made inside the transaction from what the writes before it stored (by index; null for a
/// write after it), so a record can carry the counter its own patch just moved. Keep the function cheap: the store
/// runs it while other writers wait.
/// </summary>
public sealed record AtomicCreate(DocumentKey Key, Func<IReadOnlyList<StoredDocument?>, JsonObject> Body) : AtomicWrite(Key);
