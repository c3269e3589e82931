using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Customers;

/// <summary>Every version a test wrote, kept as SQLite's change log keeps them; counts the reads made of it.</summary>
public sealed class MemoryVersionLog : IVersionLog
{
    private readonly List<DocumentChange> versions = [];
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public void Add(DocumentChange change)
    {
        lock (versions)
        {
            versions.Add(change);
        }
    }

    public Task<IReadOnlyList<DocumentChange>> VersionsBeforeAsync(DocumentKey key, long sequence, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        lock (versions)
        {
            IReadOnlyList<DocumentChange> before = versions.Where(version => version.Key == key && version.Sequence < sequence).OrderByDescending(version => version.Sequence).ToList();
            return Task.FromResult(before);
        }
    }
}
