using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>What every connection of the store is set to once it is open.</summary>
internal static class SqliteConnectionSettings
{
    public static void Apply(SqliteConnection connection, TimeSpan busyTimeout, int cacheKiB)
    {
        // Without the planner's stability guarantee SQLite marks a statement stale whenever a parameter that its plan
        // looked at is bound again (a LIMIT's, for one), and compiles it anew on the next step: profiles showed the parser
        // and planner under every query, although the statement was cached. Plans here come from the indexes, not from
        // the values bound, so one plan per statement loses nothing.
        SQLitePCL.raw.sqlite3_db_config(connection.Handle!, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out int _);
        SetBusyTimeout(connection, busyTimeout);

        // WAL makes NORMAL safe against corruption; it only risks the last commits on power loss, never on a crash of this process.
        // Reads copy pages through read() calls rather than mapping the file: in WAL mode a connection that begins a
        // read after any other connection's commit drops its page cache and unmaps the whole file, and its next reads
        // fault the pages back in; under redemptions that was nearly every read, and each munmap interrupts the other
        // core to flush its TLB. Unmapped reads took ~7% off a redemption's CPU at half load (DESIGN.md, "Reads
        // without the map, and rarer WAL restarts"); a read-only load keeps its page cache either way. Neither setting
        // changes what is written or when it is durable.
        SqliteSchema.Execute(connection, $"PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0; PRAGMA cache_size = -{cacheKiB.ToString(CultureInfo.InvariantCulture)}; PRAGMA temp_store = MEMORY;");
    }

    /// <summary>How long a statement waits for a lock another connection holds before it answers busy.</summary>
    public static void SetBusyTimeout(SqliteConnection connection, TimeSpan timeout) =>
        SqliteSchema.Execute(connection, $"PRAGMA busy_timeout = {((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};");
}
