using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// The body-path indexes hold only documents that have the path; every condition the services look documents up by
/// must still be answered from them, on a store migrated from an earlier schema as on a new one.
/// </summary>
public sealed class SqliteIndexUseTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string> Lookups => new()
    {
        { "id", "documents_by_body_id" },
        { "campaign_id", "documents_by_campaign_id" },
        { "voucher.code", "documents_by_voucher_code" },
        { "customer_id", "documents_by_customer_id" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task Equality_and_membership_on_an_indexed_path_search_its_index(string path, string index)
    {
        var file = await NewStoreAsync();

        Assert.Contains($"USING INDEX {index}", Plan(file, [Condition.Eq(path, "x")]));
        Assert.Contains($"USING INDEX {index}", Plan(file, [Condition.Eq(path, 5)]));
        Assert.Contains($"USING INDEX {index}", Plan(file, [Condition.In(path, new JsonArray("a", "b"))]));
    }

    [Fact]
    public async Task The_indexes_leave_out_documents_without_their_path_and_lookups_still_find_both_kinds()
    {
        var file = folder.File("store.db");
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "camp_1", "A"), new JsonObject { ["id"] = "v_1", ["campaign_id"] = "camp_1" }));
            await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "camp_1", "B"), new JsonObject { ["id"] = "v_2" }));

            var found = await store.QueryAsync(new DocumentQuery("proj_1", "voucher") { Where = [Condition.Eq("campaign_id", "camp_1")] });
            Assert.Equal(["A"], found.Items.Select(item => item.Key.Id));
            var without = await store.QueryAsync(new DocumentQuery("proj_1", "voucher") { Where = [Condition.IsNull("campaign_id")] });
            Assert.Equal(["B"], without.Items.Select(item => item.Key.Id));
        }

        foreach (var index in Lookups.Select(row => (string)row[1]))
        {
            Assert.EndsWith("IS NOT NULL", (string)Scalar(file, $"SELECT sql FROM sqlite_master WHERE name = '{index}'")!);
        }
    }

    [Fact]
    public async Task A_file_with_the_full_indexes_of_version_4_is_migrated_to_the_partial_ones()
    {
        var file = await NewStoreAsync();
        Execute(file, """
            DROP INDEX documents_by_campaign_id;
            CREATE INDEX documents_by_campaign_id ON documents (project_id, kind, json_extract(body, '$.campaign_id'));
            PRAGMA user_version = 4;
            """);

        await NewStoreAsync(file);

        Assert.Equal(5L, Scalar(file, "PRAGMA user_version"));
        Assert.Contains("IS NOT NULL", (string)Scalar(file, "SELECT sql FROM sqlite_master WHERE name = 'documents_by_campaign_id'")!);
        Assert.Contains("USING INDEX documents_by_campaign_id", Plan(file, [Condition.Eq("campaign_id", "x")]));
    }

    /// <summary>Opens (so creates or migrates) the store on the file and closes it again.</summary>
    private async Task<string> NewStoreAsync(string? file = null)
    {
        file ??= folder.File("store.db");
        SqliteConnection.ClearAllPools();
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider());
        await store.CountAsync(new DocumentQuery("proj_1", "voucher"));
        return file;
    }

    /// <summary>The plan of the filter the store builds for a query of one project and kind.</summary>
    private static string Plan(string file, IReadOnlyList<Condition> conditions)
    {
        var parameters = new SqlParameters();
        var filter = SqliteDocumentStore.Filter(new DocumentQuery("proj_1", "voucher") { Where = conditions }, parameters);
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT id FROM documents WHERE {filter}";
        parameters.CopyTo(command);
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }
}
