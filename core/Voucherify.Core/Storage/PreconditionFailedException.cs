namespace Voucherify.Core.Storage;

/// <summary>A replace or delete named an etag that is no longer current.</summary>
public sealed class PreconditionFailedException(DocumentKey key) : Exception($"Document {key} changed since it was read.")
{
    public DocumentKey Key { get; } = key;
}
