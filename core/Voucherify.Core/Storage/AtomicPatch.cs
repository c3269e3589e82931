namespace Voucherify.Core.Storage;

/// <summary>A guarded patch, with the meaning of <see cref="IDocumentStore.PatchAsync"/>.</summary>
public sealed record AtomicPatch(DocumentKey Key, IReadOnlyList<PatchOperation> Operations, IReadOnlyList<Condition>? Conditions = null)
    : AtomicWrite(Key);
