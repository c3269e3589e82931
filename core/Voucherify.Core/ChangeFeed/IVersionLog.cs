using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// A change log that keeps every version of every document it delivers (SQLite's): a handler that needs what a document
/// was before the change in hand reads it here instead of keeping a copy of its own.
/// </summary>
public interface IVersionLog
{
    /// <summary>The document's logged versions (deletions too) before <paramref name="sequence"/>, newest first.</summary>
    Task<IReadOnlyList<DocumentChange>> VersionsBeforeAsync(DocumentKey key, long sequence, CancellationToken cancellationToken);
}
