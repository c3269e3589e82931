using Voucherify.Core.Storage;

namespace Voucherify.Functions.Tests.Support;

/// <summary>A host's real store, counting the point reads asked of it through this wrapper.</summary>
public sealed class CountedStore(IDocumentStore inner) : DelegatingStore(inner)
{
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public override ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return base.GetAsync(key, cancellationToken);
    }
}
