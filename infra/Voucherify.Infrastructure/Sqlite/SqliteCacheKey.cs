namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// A read cache key with the hash its stripe comes from, so an index lookup does not hash the key's strings again.
/// Equal keys have equal hashes, as both come from the same function of the key.
/// </summary>
internal readonly struct SqliteCacheKey<TKey>(TKey key, int hash) : IEquatable<SqliteCacheKey<TKey>>
    where TKey : IEquatable<TKey>
{
    public TKey Key { get; } = key;

    public int Hash { get; } = hash;

    public bool Equals(SqliteCacheKey<TKey> other) => Hash == other.Hash && Key.Equals(other.Key);

    public override bool Equals(object? obj) => obj is SqliteCacheKey<TKey> other && Equals(other);

    public override int GetHashCode() => Hash;
}
