using Microsoft.Data.Sqlite;
using SQLitePCL;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>What the store sets on each connection it opens, observed on a connection of its own.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_cached_statement_is_compiled_once_however_its_parameters_are_bound_again()
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("settings.db")}");
        connection.Open();
        SqliteConnectionSettings.Apply(connection, TimeSpan.FromSeconds(5), 1024);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);";
            create.ExecuteNonQuery();
        }

        // The authorizer is asked about every table and column while a statement compiles, and never while it runs.
        var compiling = 0;
        raw.sqlite3_set_authorizer(connection.Handle, (strdelegate_authorizer)((_, _, _, _, _, _) =>
        {
            Interlocked.Increment(ref compiling);
            return raw.SQLITE_OK;
        }), null);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT x FROM t WHERE x > @after ORDER BY x LIMIT @limit";
        var rows = new List<long>();
        var compiledAtFirst = 0;
        for (var run = 1; run <= 3; run++)
        {
            query.Parameters.Clear();
            query.Parameters.AddWithValue("@after", run - 1);
            query.Parameters.AddWithValue("@limit", run);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0));
            }

            if (run == 1)
            {
                compiledAtFirst = compiling;
            }
        }

        Assert.Equal([1L, 2L, 3L, 3L], rows);
        Assert.True(compiledAtFirst > 0);
        Assert.Equal(compiledAtFirst, compiling);
    }
}
