using Microsoft.Data.Sqlite;
using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;

namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// What the dev host's SQLite file holds, read straight from the file (every document's key, etag and body),
/// to prove a request changed nothing. Documents that background handlers derive after earlier writes
/// (audit entries, customer summaries, change-feed bookkeeping) are left out: they may land at any time.
/// So are failed redemptions: the contract records a refused redeem as a redemption with result FAILURE.
/// </summary>
public sealed class StoreSnapshot(string storePath) : IDisposable
{
    private readonly SqliteConnection connection = Open(storePath);

    public string Take(string? projectId = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(project_id || '|' || kind || '|' || partition_key || '|' || id || '|' || etag || '|' || body, char(10))
            FROM (SELECT * FROM documents
                  WHERE project_id <> @system AND kind NOT IN (@audit, @summary, @parked, @checkpoint)
                    AND NOT (kind = @redemption AND json_extract(body, '$.result') = 'FAILURE')
                    AND (@project IS NULL OR project_id = @project)
                  ORDER BY project_id, kind, partition_key, id)
            """;
        command.Parameters.AddWithValue("@system", ChangeFeedKeys.SystemProjectId);
        command.Parameters.AddWithValue("@audit", AuditKeys.Kind);
        command.Parameters.AddWithValue("@summary", Core.Customers.CustomerSummaryKeys.Kind);
        command.Parameters.AddWithValue("@parked", ChangeFeedKeys.ParkedKind);
        command.Parameters.AddWithValue("@checkpoint", ChangeFeedKeys.CheckpointKind);
        command.Parameters.AddWithValue("@redemption", Core.Redemptions.RedemptionKeys.Kind);
        command.Parameters.AddWithValue("@project", (object?)projectId ?? DBNull.Value);
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    public void Dispose() => connection.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
