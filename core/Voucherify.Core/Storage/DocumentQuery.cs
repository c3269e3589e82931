namespace Voucherify.Core.Storage;

/// <summary>
/// A query over one kind in one project, optionally within one partition. Paging is by opaque
/// continuation token so Cosmos DB can serve it without OFFSET/LIMIT.
/// </summary>
public sealed record DocumentQuery(string ProjectId, string Kind)
{
    public string? PartitionKey { get; init; }

    public IReadOnlyList<Condition> Where { get; init; } = [];

    /// <summary>
    /// Body path to sort by; ties break on id (then partition key) so pages are stable. Documents
    /// where the path is missing or null come first ascending and last descending.
    /// A continuation is only valid for the ordering it came from.
    /// </summary>
    public string OrderBy { get; init; } = "created_at";

    public bool Descending { get; init; }

    public int PageSize { get; init; } = 100;

    public string? Continuation { get; init; }

    /// <summary>
    /// The caller reads each item with <see cref="DocumentJson.ReadShared{T}"/> and only shows it (a list's page): a store
    /// may hand back the versions it read for an earlier such page, with their typed reads. A scan that meets each
    /// document once leaves this off, so it keeps nothing in the store's memory.
    /// </summary>
    public bool ReadShared { get; init; }
}
