namespace Voucherify.Core.Storage;

/// <summary>The argument checks every store implementation makes before it touches its backend.</summary>
public static class StoreArguments
{
    public static void Key(DocumentKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.ProjectId, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.Kind, nameof(key));
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
    }

    public static void Patch(DocumentKey key, IReadOnlyList<PatchOperation> operations)
    {
        Key(key);
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            throw new ArgumentException("A patch needs at least one operation.", nameof(operations));
        }
    }

    public static void Query(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.ProjectId, nameof(query));
        ArgumentException.ThrowIfNullOrEmpty(query.Kind, nameof(query));
        ArgumentNullException.ThrowIfNull(query.Where, nameof(query));
    }
}
