namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A value read while the stripe's counter showed <paramref name="Generation"/> (see <see cref="SqliteReadCache"/>).</summary>
internal sealed record SqliteCacheEntry<T>(long Generation, T Value);
