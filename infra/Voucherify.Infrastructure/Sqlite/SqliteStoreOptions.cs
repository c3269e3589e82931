namespace Voucherify.Infrastructure.Sqlite;

/// <summary>Where the embedded store keeps its file, and how long a writer waits for another process's lock.</summary>
public sealed record SqliteStoreOptions(string FilePath)
{
    public const long DefaultReadCacheSize = 64L * 1024 * 1024;

    /// <summary>Another process holding the write lock makes us wait this long before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Idle read connections kept open; more are opened under load and closed when returned. Opening one costs its
    /// pragmas and a fresh compile of every statement it runs, so the bound sits above the reads a busy host has in flight.
    /// </summary>
    public int MaxIdleReadConnections { get; init; } = 32;

    /// <summary>
    /// The WAL length (in pages) past which the writer makes sure it starts over: see SqliteDocumentStore. The default
    /// is 64 MiB of 4 KiB pages; SQLite's own automatic checkpoint uses 1,000 pages, but inside every commit. Each
    /// restart holds every queued write while it copies and syncs, and the first commit after it syncs the WAL's
    /// header: at 4,096 pages that was several times a second under redemptions, and redeem's half-load p99 was worse
    /// in alternating runs (DESIGN.md, "Reads without the map, and rarer WAL restarts").
    /// </summary>
    public long WalRestartFrames { get; init; } = 16384;

    /// <summary>
    /// Roughly how many bytes of documents and partition pages read lately are kept in memory for the next read of
    /// the same (see SqliteReadCache), counted as two bytes per character of JSON text. The cache sees only this
    /// instance's writes: set 0 (off) when another process or instance writes the same file.
    /// </summary>
    public long ReadCacheSize { get; init; } = DefaultReadCacheSize;

    /// <summary>
    /// Kinds whose writes stay out of the change log: bookkeeping derived from the feed (audit entries, summaries,
    /// checkpoints) that no handler is fed. Logging them would copy every such body once more for nobody to read.
    /// </summary>
    public IReadOnlySet<string> UnloggedKinds { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
