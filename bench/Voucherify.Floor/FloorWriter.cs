using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Voucherify.Floor;

/// <summary>
/// The least a durable redemption can write through the store's library: one guarded count, one record and one order
/// row, each table with only its key, committed in groups by one writer thread, in WAL with <c>synchronous = NORMAL</c>,
/// checkpointed in the background like the store (a passive checkpoint on another connection, a restart when the log
/// passes 4,096 pages), though every 16 commits where the store checkpoints every 4: fewer checkpoints are less work, so
/// the floor stays an upper bound. No change log, no lookup or created-at index, no JSON work: every one of those is
/// something a real redemption adds to this.
/// </summary>
internal sealed class FloorWriter : IDisposable
{
    private const int MaxBatch = 128;
    private const int CommitsPerCheckpoint = 16;
    private const long RestartFrames = 4096;

    private readonly BlockingCollection<FloorWrite> queue = new();
    private readonly SqliteConnection writer;
    private readonly SqliteConnection checkpointer;
    private readonly Thread thread;
    private Task checkpointing = Task.CompletedTask;
    private long walFrames;

    // Ids in time order, as the service's are: a B-tree then grows at its right edge instead of at random leaves.
    private long nextId = DateTime.UtcNow.Ticks;

    public FloorWriter(string path)
    {
        writer = Open(path);
        Execute(writer, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;
            CREATE TABLE IF NOT EXISTS counts (code TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, body TEXT NOT NULL);
            """);
        checkpointer = Open(path);
        thread = new Thread(Run) { IsBackground = true, Name = "floor writer" };
        thread.Start();
    }

    public Task WriteAsync(string code, string record, string order)
    {
        var id = Interlocked.Increment(ref nextId).ToString("D20", CultureInfo.InvariantCulture);
        var write = new FloorWrite(code, id, record, order);
        queue.Add(write);
        return write.Committed.Task;
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join();
        checkpointing.Wait();
        queue.Dispose();
        writer.Dispose();
        checkpointer.Dispose();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Run()
    {
        using var count = writer.CreateCommand();
        count.CommandText = "INSERT INTO counts (code, n) VALUES (@code, 1) ON CONFLICT (code) DO UPDATE SET n = n + 1";
        var code = count.Parameters.Add("@code", SqliteType.Text);
        using var record = writer.CreateCommand();
        record.CommandText = "INSERT INTO records (id, body) VALUES (@id, @body)";
        var recordId = record.Parameters.Add("@id", SqliteType.Text);
        var recordBody = record.Parameters.Add("@body", SqliteType.Text);
        using var order = writer.CreateCommand();
        order.CommandText = "INSERT INTO orders (id, body) VALUES (@id, @body)";
        var orderId = order.Parameters.Add("@id", SqliteType.Text);
        var orderBody = order.Parameters.Add("@body", SqliteType.Text);

        var batch = new List<FloorWrite>(MaxBatch);
        var commits = 0;
        while (queue.TryTake(out var first, Timeout.Infinite))
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            Exception? failure = null;
            try
            {
                using var transaction = writer.BeginTransaction();
                count.Transaction = record.Transaction = order.Transaction = transaction;
                foreach (var write in batch)
                {
                    code.Value = write.Code;
                    count.ExecuteNonQuery();
                    recordId.Value = "r_" + write.Id;
                    recordBody.Value = write.Record;
                    record.ExecuteNonQuery();
                    orderId.Value = "ord_" + write.Id;
                    orderBody.Value = write.Order;
                    order.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            catch (SqliteException error)
            {
                // Its requests fail (a 500 wrk counts as an error) instead of waiting for good on a thread that died.
                failure = error;
            }

            foreach (var write in batch)
            {
                if (failure is null)
                {
                    write.Committed.SetResult();
                }
                else
                {
                    write.Committed.SetException(failure);
                }
            }

            batch.Clear();
            if (Volatile.Read(ref walFrames) >= RestartFrames && checkpointing.IsCompleted)
            {
                Volatile.Write(ref walFrames, 0);
                Guarded(() => Execute(writer, "PRAGMA wal_checkpoint(RESTART);"));
            }
            else if (++commits % CommitsPerCheckpoint == 0 && checkpointing.IsCompleted)
            {
                checkpointing = Task.Run(() => Guarded(Checkpoint));
            }
        }
    }

    /// <summary>
    /// A checkpoint that fails (an I/O error; a busy log answers in its result) is left to the next one, as in the store:
    /// thrown on the writer thread it would stop every commit after it, and from the background one it would fail Dispose.
    /// </summary>
    private static void Guarded(Action checkpoint)
    {
        try
        {
            checkpoint();
        }
        catch (SqliteException)
        {
        }
    }

    private void Checkpoint()
    {
        using var command = checkpointer.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var result = command.ExecuteReader();
        if (result.Read())
        {
            Volatile.Write(ref walFrames, result.GetInt64(1));
        }
    }
}
