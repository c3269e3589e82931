namespace Voucherify.Core.Storage;

/// <summary>A create hit an existing document with the same key.</summary>
public sealed class DocumentConflictException(DocumentKey key) : Exception($"Document {key} already exists.")
{
    public DocumentKey Key { get; } = key;
}
