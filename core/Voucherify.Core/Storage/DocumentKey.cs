namespace Voucherify.Core.Storage;

/// <summary>
/// Addresses one document. Kind and project are part of the key so that one physical container
/// can hold every kind of every project without two projects ever seeing each other's data.
/// Uniqueness is per (project, kind, partition key, id), as Cosmos DB enforces it.
/// </summary>
public readonly record struct DocumentKey(string ProjectId, string Kind, string PartitionKey, string Id)
{
    public override string ToString() => $"{ProjectId}/{Kind}/{PartitionKey}/{Id}";
}
