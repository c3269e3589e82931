using System.Text.Json.Nodes;

namespace Voucherify.Core.Storage;

/// <summary>
/// One change inside a document, addressed by a dotted path into the body ("redemption.redeemed_quantity").
/// Mirrors the Cosmos DB patch operations we rely on: set, increment, remove.
/// A path segment is ASCII letters, digits and underscores (anything else is an ArgumentException);
/// segments name object properties, never array indexes. Operations apply in order.
/// Set creates missing intermediate objects; Increment treats a missing or null value as 0;
/// Remove of a missing path does nothing. <c>created_at</c> and <c>updated_at</c> belong to the store.
/// </summary>
public abstract record PatchOperation(string Path)
{
    public static PatchOperation Set(string path, JsonNode? value) => new SetOperation(path, value);

    public static PatchOperation Increment(string path, long delta) => new IncrementOperation(path, delta);

    public static PatchOperation Remove(string path) => new RemoveOperation(path);
}

public sealed record SetOperation(string Path, JsonNode? Value) : PatchOperation(Path);

public sealed record IncrementOperation(string Path, long Delta) : PatchOperation(Path);

public sealed record RemoveOperation(string Path) : PatchOperation(Path);
