namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Open read connections, reused across calls. WAL lets any number of them read while the one
/// writer writes; keeping them open saves the open, the pragmas and the compiling of statements on every read.
/// </summary>
internal sealed class SqliteReadPool(Func<SqliteSession> open, int maxIdle) : IDisposable
{
    private readonly Stack<SqliteSession> idle = new();
    private bool disposed;

    public SqliteSession Rent()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (idle.TryPop(out var session))
            {
                return session;
            }
        }

        return open();
    }

    public void Return(SqliteSession session)
    {
        lock (idle)
        {
            if (!disposed && idle.Count < maxIdle)
            {
                idle.Push(session);
                return;
            }
        }

        session.Dispose();
    }

    public void Dispose()
    {
        lock (idle)
        {
            disposed = true;
            while (idle.TryPop(out var session))
            {
                session.Dispose();
            }
        }
    }
}
