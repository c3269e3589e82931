namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>A read for the cache that answers its state and counts how often the cache had to ask.</summary>
internal sealed class CountedReads
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public Task<string?> Read(string? value)
    {
        Interlocked.Increment(ref count);
        return Task.FromResult(value);
    }
}
