using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Open read connections, reused across calls. WAL lets any number of them read while the one
/// writer writes; keeping them open saves the open and the per-connection pragmas on every read.
/// </summary>
internal sealed class SqliteReadPool(Func<SqliteConnection> open, int maxIdle) : IDisposable
{
    private readonly Stack<SqliteConnection> idle = new();
    private bool disposed;

    public SqliteConnection Rent()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (idle.TryPop(out var connection))
            {
                return connection;
            }
        }

        return open();
    }

    public void Return(SqliteConnection connection)
    {
        lock (idle)
        {
            if (!disposed && idle.Count < maxIdle)
            {
                idle.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        lock (idle)
        {
            disposed = true;
            while (idle.TryPop(out var connection))
            {
                connection.Dispose();
            }
        }
    }
}
