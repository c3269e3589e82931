using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Cosmos;

namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// What the dev host's store holds, read around the API (every document's key, etag and body) from the SQLite file or,
/// when the suite runs on Cosmos DB, from the documents container, to prove a request changed nothing. Documents that
/// background handlers derive after earlier writes (audit entries, customer summaries and order tallies, change-feed bookkeeping) are
/// left out: they may land at any time. So are failed redemptions: the contract records a refused redeem as a
/// redemption with result FAILURE.
/// </summary>
public sealed class StoreSnapshot : IDisposable
{
    private static readonly string[] Derived = [.. DerivedKinds.All];

    private readonly SqliteConnection? sqlite;
    private readonly CosmosClient? cosmos;
    private readonly Container? documents;

    public StoreSnapshot(ServiceHost host)
    {
        if (host.Service<IDocumentStore>() is CosmosDocumentStore)
        {
            var options = host.Service<CosmosStoreOptions>();
            cosmos = CosmosDocumentStore.CreateClient(options);
            documents = cosmos.GetContainer(options.Database, options.DocumentsContainer);
        }
        else
        {
            sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            sqlite.Open();
        }
    }

    public string Take(string? projectId = null) => sqlite is not null ? TakeSqlite(sqlite, projectId) : TakeCosmosAsync(projectId).GetAwaiter().GetResult();

    public void Dispose()
    {
        sqlite?.Dispose();
        cosmos?.Dispose();
    }

    private static string TakeSqlite(SqliteConnection connection, string? projectId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(project_id || '|' || kind || '|' || partition_key || '|' || id || '|' || etag || '|' || body, char(10))
            FROM (SELECT * FROM documents
                  WHERE project_id <> @system AND kind NOT IN (@d0, @d1, @d2, @d3, @d4)
                    AND NOT (kind = @redemption AND json_extract(body, '$.result') = 'FAILURE')
                    AND (@project IS NULL OR project_id = @project)
                  ORDER BY project_id, kind, partition_key, id)
            """;
        command.Parameters.AddWithValue("@system", ChangeFeedKeys.SystemProjectId);
        for (var i = 0; i < Derived.Length; i++)
        {
            command.Parameters.AddWithValue($"@d{i}", Derived[i]);
        }

        command.Parameters.AddWithValue("@redemption", RedemptionKeys.Kind);
        command.Parameters.AddWithValue("@project", (object?)projectId ?? DBNull.Value);
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    /// <summary>The same selection over the Cosmos envelope (p, k, kp, i, b; "del" marks a tombstone, which reads as gone).</summary>
    private async Task<string> TakeCosmosAsync(string? projectId)
    {
        var rows = new List<(string Key, string Line)>();
        using var iterator = documents!.GetItemQueryIterator<JsonObject>("SELECT * FROM c");
        while (iterator.HasMoreResults)
        {
            foreach (var item in await iterator.ReadNextAsync())
            {
                if (item["p"]?.GetValue<string>() is not { } project || item["del"] is not null)
                {
                    continue;
                }

                var kind = item["k"]!.GetValue<string>();
                var body = item["b"] as JsonObject;
                if (project == ChangeFeedKeys.SystemProjectId || Derived.Contains(kind) || (projectId is not null && project != projectId)
                    || (kind == RedemptionKeys.Kind && body?["result"]?.GetValue<string>() == "FAILURE"))
                {
                    continue;
                }

                var key = $"{project}|{kind}|{item["kp"]}|{item["i"]}";
                rows.Add((key, $"{key}|{item["_etag"]}|{body?.ToJsonString()}"));
            }
        }

        var text = new StringBuilder();
        foreach (var (_, line) in rows.OrderBy(row => row.Key, StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
