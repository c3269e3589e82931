namespace Voucherify.Infrastructure.Sqlite;

/// <summary>A value (null: nothing there) read while the stripe's counter showed <paramref name="Generation"/> (see <see cref="SqliteReadCache"/>).</summary>
internal sealed record SqliteCacheEntry<T>(long Generation, T? Value)
    where T : class;
