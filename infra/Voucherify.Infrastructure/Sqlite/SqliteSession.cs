using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// An open connection with its prepared statements kept for reuse: compiling the JSON-heavy
/// statements costs about as much CPU as running them. Used by one caller at a time.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    // Statements differ only by the shape of their conditions and patch operations, so a few
    // dozen cover an application; the bound only stops an unusual caller from growing it forever.
    private const int MaxStatements = 128;

    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The statement for this SQL, with no parameters bound. The session owns it: do not dispose it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (statements.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        if (statements.Count >= MaxStatements)
        {
            DisposeStatements();
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        statements.Add(sql, command);
        return command;
    }

    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        DisposeStatements();
        connection.Dispose();
    }

    private void DisposeStatements()
    {
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        statements.Clear();
    }
}
