using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// The looked-up body paths are columns the writer fills, indexed only where the path holds what the services look for
/// (a string; a pending journal or rollback for recovery); every condition the services look documents up by must still
/// be answered from those indexes, and answered right after every kind of write, on a store migrated from an earlier
/// schema as on a new one.
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
        { "result", "documents_by_result" },
        { "voucher.campaign", "documents_by_voucher_campaign" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task Equality_and_membership_on_an_indexed_path_search_its_index(string path, string index)
    {
        var file = await NewStoreAsync();

        Assert.Contains($"INDEX {index}", Plan(file, [Condition.Eq(path, "x")]));
        Assert.Contains($"INDEX {index}", Plan(file, [Condition.In(path, new JsonArray("a", "b"))]));
        Assert.Contains($"INDEX {index}", Plan(file, [Condition.Eq(path, "x"), Condition.NotEq("state", "gone")]));
    }

    [Fact]
    public async Task A_looked_up_path_of_another_type_is_still_found_by_its_own_type_and_never_as_a_string()
    {
        var file = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider());
        await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", "number"), new JsonObject { ["campaign_id"] = 5 }));
        await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", "text"), new JsonObject { ["campaign_id"] = "5" }));
        await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", "object"), new JsonObject { ["campaign_id"] = new JsonObject { ["x"] = "5" } }));

        Assert.Equal(["number"], await IdsAsync(store, Condition.Eq("campaign_id", 5)));
        Assert.Equal(["text"], await IdsAsync(store, Condition.Eq("campaign_id", "5")));
        Assert.Equal(["number", "text"], await IdsAsync(store, Condition.In("campaign_id", new JsonArray(5, "5"))));
        Assert.Equal(["object"], await IdsAsync(store, Condition.Eq("campaign_id", new JsonObject { ["x"] = "5" })));
        Assert.Equal(["number", "object"], await IdsAsync(store, Condition.NotEq("campaign_id", "5")));
    }

    [Fact]
    public async Task Every_write_keeps_the_lookups_in_step_with_the_body()
    {
        var file = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(file) { ReadCacheSize = 0 }, new FakeTimeProvider());
        var key = new DocumentKey("proj_1", "voucher", "p", "V");
        await store.CreateAsync(new NewDocument(key, new JsonObject { ["campaign_id"] = "camp_1", ["voucher"] = new JsonObject { ["code"] = "A", ["campaign"] = "Spring" }, ["result"] = "SUCCESS" }));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("campaign_id", "camp_1")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("voucher.code", "A")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("voucher.campaign", "Spring")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.In("result", new JsonArray("SUCCESS"))));

        await store.PatchAsync(key, [PatchOperation.Set("campaign_id", "camp_2"), PatchOperation.Set("voucher", new JsonObject { ["code"] = "B" }), PatchOperation.Set("result", "FAILURE")]);
        Assert.Empty(await IdsAsync(store, Condition.Eq("campaign_id", "camp_1")));
        Assert.Empty(await IdsAsync(store, Condition.Eq("voucher.campaign", "Spring")));
        Assert.Empty(await IdsAsync(store, Condition.In("result", new JsonArray("SUCCESS"))));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("result", "FAILURE")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("campaign_id", "camp_2")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("voucher.code", "B")));

        await store.PatchAsync(key, [PatchOperation.Set("voucher.code", "C"), PatchOperation.Increment("uses", 1)]);
        Assert.Equal(["V"], await IdsAsync(store, Condition.In("voucher.code", new JsonArray("C", "D"))));
        Assert.Empty(await IdsAsync(store, Condition.Eq("voucher.code", "B")));

        await store.PatchAsync(key, [PatchOperation.Remove("campaign_id")]);
        Assert.Empty(await IdsAsync(store, Condition.Eq("campaign_id", "camp_2")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.IsNull("campaign_id")));

        await store.WriteAtomicallyAsync([new AtomicPatch(key, [PatchOperation.Set("customer_id", "cust_1")]), new AtomicPatch(new("proj_1", "voucher", "p", "none"), [PatchOperation.Increment("n", 1)])]);
        Assert.Empty(await IdsAsync(store, Condition.Eq("customer_id", "cust_1")));

        await store.PatchAsync(key, [PatchOperation.Set("pending_uses.r_1", new JsonObject()), PatchOperation.Increment("pending_uses_count", 1)]);
        Assert.Equal(["V"], await IdsAsync(store, Condition.Greater("pending_uses_count", 0)));
        await store.PatchAsync(key, [PatchOperation.Remove("pending_uses.r_1"), PatchOperation.Increment("pending_uses_count", -1)]);
        Assert.Empty(await IdsAsync(store, Condition.Greater("pending_uses_count", 0)));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("pending_uses_count", 0)));

        await store.PatchAsync(key, [PatchOperation.Set("pending_rollback", new JsonObject { ["rollback_id"] = "rr_1" })]);
        Assert.Equal(["V"], await IdsAsync(store, Condition.IsNotNull("pending_rollback")));
        await store.PatchAsync(key, [PatchOperation.Remove("pending_rollback")]);
        Assert.Empty(await IdsAsync(store, Condition.IsNotNull("pending_rollback")));

        await store.ReplaceAsync(new NewDocument(key, new JsonObject { ["customer_id"] = "cust_2", ["voucher"] = new JsonObject { ["code"] = 7 }, ["pending_uses_count"] = 2, ["pending_rollback"] = false }), null);
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("customer_id", "cust_2")));
        Assert.Empty(await IdsAsync(store, Condition.Eq("voucher.code", "C")));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Eq("voucher.code", 7)));
        Assert.Equal(["V"], await IdsAsync(store, Condition.Greater("pending_uses_count", 0)));
        Assert.Equal(["V"], await IdsAsync(store, Condition.IsNotNull("pending_rollback")));
        Assert.Empty(await IdsAsync(store, Condition.Eq("result", "FAILURE")));
        await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", "W"), new JsonObject { ["pending_uses_count"] = 1.5, ["pending_rollback"] = null }));

        Assert.Equal(0L, Scalar(file, """
            SELECT COUNT(*) FROM documents WHERE lookup_id IS NOT (CASE WHEN json_type(body, '$.id') = 'text' THEN json_extract(body, '$.id') END)
                OR lookup_campaign_id IS NOT (CASE WHEN json_type(body, '$.campaign_id') = 'text' THEN json_extract(body, '$.campaign_id') END)
                OR lookup_voucher_code IS NOT (CASE WHEN json_type(body, '$.voucher.code') = 'text' THEN json_extract(body, '$.voucher.code') END)
                OR lookup_customer_id IS NOT (CASE WHEN json_type(body, '$.customer_id') = 'text' THEN json_extract(body, '$.customer_id') END)
                OR lookup_pending_uses_count IS NOT (CASE WHEN json_type(body, '$.pending_uses_count') IN ('integer', 'real') THEN json_extract(body, '$.pending_uses_count') END)
                OR (lookup_pending_rollback IS NOT NULL) IS NOT (json_extract(body, '$.pending_rollback') IS NOT NULL)
                OR lookup_result IS NOT (CASE WHEN json_type(body, '$.result') = 'text' THEN json_extract(body, '$.result') END)
                OR lookup_voucher_campaign IS NOT (CASE WHEN json_type(body, '$.voucher.campaign') = 'text' THEN json_extract(body, '$.voucher.campaign') END)
            """));
        Assert.Equal(2L, Scalar(file, "SELECT COUNT(*) FROM documents WHERE lookup_pending_uses_count IS NOT NULL"));
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
    public async Task A_file_of_version_5_with_expression_indexes_and_counting_triggers_is_migrated_to_columns()
    {
        var file = await NewStoreAsync();
        Execute(file, SqliteSchemaHistory.DropLookupColumns + """
            CREATE INDEX documents_by_body_id ON documents (project_id, kind, json_extract(body, '$.id')) WHERE json_extract(body, '$.id') IS NOT NULL;
            CREATE INDEX documents_by_campaign_id ON documents (project_id, kind, json_extract(body, '$.campaign_id')) WHERE json_extract(body, '$.campaign_id') IS NOT NULL;
            CREATE INDEX documents_by_voucher_code ON documents (project_id, kind, json_extract(body, '$.voucher.code')) WHERE json_extract(body, '$.voucher.code') IS NOT NULL;
            CREATE INDEX documents_by_customer_id ON documents (project_id, kind, json_extract(body, '$.customer_id')) WHERE json_extract(body, '$.customer_id') IS NOT NULL;
            CREATE TRIGGER documents_counted_on_insert AFTER INSERT ON documents BEGIN
                INSERT INTO kind_counts (project_id, kind, n) VALUES (NEW.project_id, NEW.kind, 1) ON CONFLICT (project_id, kind) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER documents_counted_on_delete AFTER DELETE ON documents BEGIN
                UPDATE kind_counts SET n = n - 1 WHERE project_id = OLD.project_id AND kind = OLD.kind;
            END;
            INSERT INTO documents (project_id, kind, partition_key, id, body, etag, created_at, updated_at) VALUES
                ('proj_1', 'voucher', 'p', 'A', '{"id":"v_1","campaign_id":"camp_1","voucher":{"code":"C1"}}', 'e', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
                ('proj_1', 'voucher', 'p', 'B', '{"id":"v_2","campaign_id":5,"customer_id":"cust_1"}', 'e', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
            PRAGMA user_version = 5;
            """);

        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            Assert.Equal(2, await store.CountAsync(new DocumentQuery("proj_1", "voucher")));
            Assert.Equal(["A"], await IdsAsync(store, Condition.Eq("campaign_id", "camp_1")));
            Assert.Equal(["B"], await IdsAsync(store, Condition.Eq("campaign_id", 5)));
            Assert.Equal(["A"], await IdsAsync(store, Condition.Eq("voucher.code", "C1")));
            Assert.Equal(["B"], await IdsAsync(store, Condition.In("customer_id", new JsonArray("cust_1"))));
            Assert.Equal(["A", "B"], await IdsAsync(store, Condition.StartsWith("id", "v_")));
            await store.DeleteAsync(new DocumentKey("proj_1", "voucher", "p", "A"));
            Assert.Equal(1, await store.CountAsync(new DocumentQuery("proj_1", "voucher")));
        }

        Assert.Equal(SqliteSchema.Version, Scalar(file, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"));
        Assert.Contains("INDEX documents_by_campaign_id", Plan(file, [Condition.Eq("campaign_id", "x")]));
    }

    [Fact]
    public async Task Conditions_on_a_number_or_presence_lookup_mean_what_they_mean_on_the_body()
    {
        var file = folder.File("store.db");
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider());
        var values = new Dictionary<string, JsonNode?>
        {
            ["int"] = 2, ["real"] = 0.5, ["zero"] = 0, ["negative"] = -3, ["text"] = "5", ["true"] = true, ["object"] = new JsonObject(), ["null"] = null,
        };
        foreach (var (id, value) in values)
        {
            await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", id), new JsonObject { ["pending_uses_count"] = value?.DeepClone(), ["pending_rollback"] = value?.DeepClone() }));
        }

        await store.CreateAsync(new NewDocument(new("proj_1", "voucher", "p", "missing"), new JsonObject()));

        Assert.Equal(["int", "real"], await IdsAsync(store, Condition.Greater("pending_uses_count", 0)));
        Assert.Equal(["int", "real", "zero"], await IdsAsync(store, Condition.GreaterOrEq("pending_uses_count", 0)));
        Assert.Equal(["negative", "zero"], await IdsAsync(store, Condition.LessOrEq("pending_uses_count", 0)));
        Assert.Equal(["int"], await IdsAsync(store, Condition.Eq("pending_uses_count", 2.0)));
        Assert.Equal(["int", "text"], await IdsAsync(store, Condition.In("pending_uses_count", new JsonArray(2, "5"))));
        Assert.Equal(["text"], await IdsAsync(store, Condition.Greater("pending_uses_count", "4")));
        Assert.Equal(["true"], await IdsAsync(store, Condition.Eq("pending_uses_count", true)));
        Assert.Equal(["int", "negative", "object", "real", "text", "true", "zero"], await IdsAsync(store, Condition.IsNotNull("pending_rollback")));
        Assert.Equal(["missing", "null"], await IdsAsync(store, Condition.IsNull("pending_rollback")));
        Assert.Equal(["missing", "null"], await IdsAsync(store, Condition.Eq("pending_rollback", null)));
        Assert.Equal(["zero"], await IdsAsync(store, Condition.Eq("pending_rollback", 0)));
    }

    [Fact]
    public async Task Recovery_pages_through_only_the_documents_it_has_to_repair()
    {
        var file = await NewStoreAsync();
        var pendingUses = new DocumentQuery("proj_1", "voucher") { Where = [Condition.Greater("pending_uses_count", 0)], PageSize = 200 };
        var pendingRollbacks = new DocumentQuery("proj_1", "redemption") { Where = [Condition.IsNotNull("pending_rollback")], PageSize = 200 };
        var next = new SqliteContinuation("created_at", false, "2026-01-01T00:00:00.000Z", "r_1", "p").Encode();

        foreach (var (query, index) in new[] { (pendingUses, "documents_with_pending_uses"), (pendingRollbacks, "documents_with_pending_rollback") })
        {
            foreach (var page in new[] { query, query with { Continuation = next } })
            {
                var plan = PagePlan(file, page);
                Assert.Contains($"USING INDEX {index}", plan);
                Assert.DoesNotContain("TEMP B-TREE", plan);
            }
        }
    }

    [Fact]
    public async Task A_file_of_version_6_gets_the_recovery_lookups_filled_from_the_documents_it_holds()
    {
        var file = await OldStoreAsync(SqliteSchemaHistory.ToVersion6, 6,
            ("voucher", "p", "A", """{"pending_uses":{"r_1":{}},"pending_uses_count":1}"""),
            ("voucher", "p", "B", """{"pending_uses":{},"pending_uses_count":0}"""),
            ("redemption", "p", "C", """{"pending_rollback":{"rollback_id":"rr_1"}}"""),
            ("redemption", "p", "D", """{"status":"SUCCEEDED"}"""));
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            Assert.Equal(["A"], await IdsAsync(store, Condition.Greater("pending_uses_count", 0)));
            var rollbacks = await store.QueryAsync(new DocumentQuery("proj_1", "redemption") { Where = [Condition.IsNotNull("pending_rollback")] });
            Assert.Equal(["C"], rollbacks.Items.Select(item => item.Key.Id));
        }

        Assert.Equal(SqliteSchema.Version, Scalar(file, "PRAGMA user_version"));
        Assert.Equal(1L, Scalar(file, "SELECT COUNT(*) FROM documents WHERE lookup_pending_uses_count IS NOT NULL AND lookup_pending_rollback IS NULL AND id = 'B'"));
        Assert.Contains("USING INDEX documents_with_pending_rollback", PagePlan(file, new DocumentQuery("proj_1", "redemption") { Where = [Condition.IsNotNull("pending_rollback")] }));
    }

    [Theory]
    [InlineData("voucher", "campaign_id", "documents_by_campaign_id", false)]
    [InlineData("redemption", "voucher.code", "documents_by_voucher_code", true)]
    [InlineData("redemption", "customer_id", "documents_by_customer_id", true)]
    public async Task Listing_by_a_looked_up_id_in_created_order_reads_the_index_in_order(string kind, string path, string index, bool descending)
    {
        var file = await NewStoreAsync();
        var next = new SqliteContinuation("created_at", descending, "2026-01-01T00:00:00.000Z", "x_1", "p").Encode();
        DocumentQuery[] queries =
        [
            new("proj_1", kind) { Where = [Condition.Eq(path, "x")], Descending = descending },
            new("proj_1", kind) { Where = [Condition.Eq(path, "x")], Descending = descending, Continuation = next },
            new("proj_1", kind) { Where = [Condition.Eq(path, "x"), Condition.In("result", new JsonArray("SUCCESS", "FAILURE"))], Descending = descending },
        ];

        foreach (var query in queries)
        {
            var plan = PagePlan(file, query);
            Assert.Contains($"USING INDEX {index}", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    [Fact]
    public async Task A_customers_last_counting_order_is_read_from_the_customer_index_newest_first()
    {
        var file = await NewStoreAsync();

        // The order summary's query when the last order stops counting (CustomerOrderSummaryHandler, in order).
        var plan = PagePlan(file, new DocumentQuery("proj_1", "order")
        {
            Where = OrderContribution.CountingOrdersOf("cust_1"),
            Descending = true,
            PageSize = 1,
        });

        Assert.Contains("USING INDEX documents_by_customer_id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task A_documents_earlier_versions_are_read_back_from_the_change_logs_index_of_objects()
    {
        var file = await NewStoreAsync();

        var plan = Explain(file, SqliteDocumentStore.VersionsBeforeSql, new SqlParameters());

        Assert.Contains("USING INDEX changes_by_object", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData("result", "FAILURE", "documents_by_result")]
    [InlineData("voucher.campaign", "Spring", "documents_by_voucher_campaign")]
    public async Task The_redemptions_list_filtered_on_its_result_or_campaign_reads_its_page_and_counts_from_the_index(string path, string value, string index)
    {
        var file = await NewStoreAsync();
        var next = new SqliteContinuation("created_at", true, "2026-01-01T00:00:00.000Z", "r_1", "p").Encode();
        DocumentQuery[] queries =
        [
            new("proj_1", "redemption") { Where = [Condition.In(path, new JsonArray(value))], Descending = true },
            new("proj_1", "redemption") { Where = [Condition.In(path, new JsonArray(value))], Descending = true, Continuation = next },
            new("proj_1", "redemption") { Where = [Condition.Eq(path, value), Condition.GreaterOrEq("created_at", "2026-01-01T00:00:00.000Z")] },
        ];

        foreach (var query in queries)
        {
            var plan = PagePlan(file, query);
            Assert.Contains($"USING INDEX {index}", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
            Assert.Contains($"USING COVERING INDEX {index}", CountPlan(file, query));
        }
    }

    [Fact]
    public async Task A_file_of_version_8_gets_the_lookups_of_the_redemptions_list_filled_from_the_redemptions_it_holds()
    {
        var file = await OldStoreAsync(SqliteSchemaHistory.ToVersion8, 8,
            ("redemption", "r_1", "r_1", """{"result":"SUCCESS","voucher":{"campaign":"Spring"}}"""),
            ("redemption", "r_2", "r_2", """{"result":"FAILURE","voucher":{"code":"X"}}"""));
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            var failures = new DocumentQuery("proj_1", "redemption") { Where = [Condition.In("result", new JsonArray("FAILURE"))] };
            Assert.Equal(["r_2"], await AllIdsAsync(store, failures));
            Assert.Equal(1, await store.CountAsync(failures));
            Assert.Equal(["r_1"], await AllIdsAsync(store, new DocumentQuery("proj_1", "redemption") { Where = [Condition.Eq("voucher.campaign", "Spring")] }));
        }

        Assert.Equal(SqliteSchema.Version, Scalar(file, "PRAGMA user_version"));
        Assert.Equal(1L, Scalar(file, "SELECT COUNT(*) FROM documents WHERE id = 'r_2' AND lookup_result = 'FAILURE' AND lookup_voucher_campaign IS NULL"));
        Assert.Equal(1L, Scalar(file, "SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'documents_by_result'"));
        Assert.Contains("USING INDEX documents_by_result", PagePlan(file, new DocumentQuery("proj_1", "redemption") { Where = [Condition.Eq("result", "SUCCESS")], Descending = true }));
    }

    [Fact]
    public async Task A_customers_latest_order_tally_is_read_from_the_order_date_index_and_sorted_as_the_body_says()
    {
        var file = folder.File("store.db");
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            string[] dates = ["2026-03-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"];
            for (var i = 0; i < dates.Length; i++)
            {
                await store.CreateAsync(new NewDocument(new("proj_1", "customer_order_tally", "cust_1", $"ord_{i}"), new JsonObject { ["counts"] = i != 0, ["order_created_at"] = dates[i] }));
            }

            await store.CreateAsync(new NewDocument(new("proj_1", "customer_order_tally", "cust_2", "ord_9"), new JsonObject { ["counts"] = true, ["order_created_at"] = "2027-01-01T00:00:00.000Z" }));

            var byIndex = new DocumentQuery("proj_1", "customer_order_tally")
            {
                PartitionKey = "cust_1",
                Where = [Condition.Eq("counts", true), Condition.GreaterOrEq("order_created_at", string.Empty)],
                OrderBy = "order_created_at",
                Descending = true,
                PageSize = 1,
            };
            var byBody = byIndex with { Where = [Condition.Eq("counts", true)] };
            Assert.Equal(["ord_3", "ord_2", "ord_1"], await AllIdsAsync(store, byIndex));
            Assert.Equal(["ord_3", "ord_2", "ord_1"], await AllIdsAsync(store, byBody));
            Assert.Equal(["ord_1", "ord_2", "ord_3"], await AllIdsAsync(store, byIndex with { Descending = false }));

            var plan = PagePlan(file, byIndex);
            Assert.Contains("USING INDEX documents_by_order_created_at", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
            Assert.Contains("TEMP B-TREE", PagePlan(file, byBody));
        }
    }

    [Fact]
    public async Task A_file_of_version_7_gets_its_lookup_indexes_in_created_order_and_the_order_date_lookup()
    {
        var file = await OldStoreAsync(SqliteSchemaHistory.ToVersion7, 7,
            ("customer_order_tally", "cust_1", "ord_1", """{"counts":true,"order_created_at":"2026-01-01T00:00:00.000Z"}"""));
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            var latest = new DocumentQuery("proj_1", "customer_order_tally")
            {
                PartitionKey = "cust_1",
                Where = [Condition.GreaterOrEq("order_created_at", string.Empty)],
                OrderBy = "order_created_at",
                Descending = true,
            };
            Assert.Equal(["ord_1"], await AllIdsAsync(store, latest));
        }

        Assert.Equal(SqliteSchema.Version, Scalar(file, "PRAGMA user_version"));
        Assert.Contains("created_at, id, partition_key", (string)Scalar(file, "SELECT sql FROM sqlite_master WHERE name = 'documents_by_voucher_code'")!);
        Assert.Equal(1L, Scalar(file, "SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'documents_by_order_created_at'"));
        Assert.DoesNotContain("TEMP B-TREE", PagePlan(file, new DocumentQuery("proj_1", "redemption") { Where = [Condition.Eq("voucher.code", "x")], Descending = true }));
    }

    [Fact]
    public async Task A_page_of_one_partition_finds_it_by_the_key_and_never_walks_the_kind_in_created_order()
    {
        var file = await NewStoreAsync();
        var next = new SqliteContinuation("created_at", true, "2026-01-01T00:00:00.000Z", "a_1", "camp_1").Encode();
        DocumentQuery[] queries =
        [
            new("proj_1", "assignment") { PartitionKey = "camp_1" },
            new("proj_1", "assignment") { PartitionKey = "camp_1", Descending = true, Continuation = next },
            new("proj_1", "parked_change") { PartitionKey = "handler", OrderBy = "sequence" },
        ];

        foreach (var query in queries)
        {
            var plan = PagePlan(file, query);
            Assert.Contains("USING INDEX sqlite_autoindex_documents_1 (project_id=? AND kind=? AND partition_key=?)", plan);
            Assert.DoesNotContain("documents_by_created", plan);
        }
    }

    [Fact]
    public async Task A_file_of_version_9_loses_the_partition_order_index_and_still_pages_a_partition_in_created_order_both_ways()
    {
        var file = await OldStoreAsync(SqliteSchemaHistory.ToVersion9, 9,
            ("assignment", "camp_1", "a_3", "{}"),
            ("assignment", "camp_2", "a_1", "{}"),
            ("assignment", "camp_1", "a_2", "{}"),
            ("assignment", "camp_1", "a_1", "{}"));
        Assert.Equal(1L, Scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents_by_partition_created'"));
        using (var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider()))
        {
            var partition = new DocumentQuery("proj_1", "assignment") { PartitionKey = "camp_1", PageSize = 2 };
            Assert.Equal(["a_3", "a_2", "a_1"], await AllIdsAsync(store, partition));
            Assert.Equal(["a_1", "a_2", "a_3"], await AllIdsAsync(store, partition with { Descending = true }));
        }

        Assert.Equal(SqliteSchema.Version, Scalar(file, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents_by_partition_created'"));
        Assert.Equal(0L, Scalar(file, "SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'documents_by_partition_created'"));
    }

    [Fact]
    public async Task The_planner_is_told_about_every_index_and_lists_a_few_vouchers_by_id_from_the_id_index()
    {
        var file = await NewStoreAsync();

        Assert.Equal(
            Column(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' ORDER BY name"),
            Column(file, "SELECT idx FROM sqlite_stat1 WHERE tbl = 'documents' ORDER BY idx"));
        var plan = PagePlan(file, new DocumentQuery("proj_1", "voucher") { Where = [Condition.In("id", new JsonArray("v_1", "v_2", "v_3"))], Descending = true });
        Assert.Contains("INDEX documents_by_body_id", plan);
    }

    private static async Task<List<string>> AllIdsAsync(SqliteDocumentStore store, DocumentQuery query)
    {
        var ids = new List<string>();
        await foreach (var document in store.ScanAsync(query))
        {
            ids.Add(document.Key.Id);
        }

        return ids;
    }

    private static async Task<List<string>> IdsAsync(SqliteDocumentStore store, Condition condition) =>
        (await store.QueryAsync(new DocumentQuery("proj_1", "voucher") { Where = [condition], OrderBy = "id" })).Items.Select(item => item.Key.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>Opens (so creates or migrates) the store on the file and closes it again.</summary>
    private async Task<string> NewStoreAsync(string? file = null)
    {
        file ??= folder.File("store.db");
        SqliteConnection.ClearAllPools();
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(file), new FakeTimeProvider());
        await store.CountAsync(new DocumentQuery("proj_1", "voucher"));
        return file;
    }

    /// <summary>
    /// A store file taken back to an earlier schema, holding documents of project proj_1 written as that version wrote
    /// them (no lookup it lacked), one a day from 2026-01-01; its pooled connections are closed.
    /// </summary>
    private async Task<string> OldStoreAsync(string back, long version, params (string Kind, string Partition, string Id, string Body)[] documents)
    {
        var file = await NewStoreAsync();
        Execute(file, back);
        using (var connection = Open(file))
        {
            for (var i = 0; i < documents.Length; i++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO documents (project_id, kind, partition_key, id, body, etag, created_at, updated_at)
                    VALUES ('proj_1', @kind, @partition, @id, @body, 'e', @at, @at)
                    """;
                insert.Parameters.AddWithValue("@kind", documents[i].Kind);
                insert.Parameters.AddWithValue("@partition", documents[i].Partition);
                insert.Parameters.AddWithValue("@id", documents[i].Id);
                insert.Parameters.AddWithValue("@body", documents[i].Body);
                insert.Parameters.AddWithValue("@at", new DateTime(2026, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }
        }

        Execute(file, $"PRAGMA user_version = {version};");
        SqliteConnection.ClearAllPools();
        return file;
    }

    /// <summary>The plan of the filter the store builds for a query of one project and kind.</summary>
    private static string Plan(string file, IReadOnlyList<Condition> conditions)
    {
        var parameters = new SqlParameters();
        var filter = SqliteDocumentStore.Filter(new DocumentQuery("proj_1", "voucher") { Where = conditions }, parameters);
        return Explain(file, $"SELECT id FROM documents WHERE {filter}", parameters);
    }

    /// <summary>The plan of the statement the store runs for one page of the query, with the values it binds.</summary>
    private static string PagePlan(string file, DocumentQuery query)
    {
        var parameters = new SqlParameters();
        return Explain(file, SqliteDocumentStore.PageSql(query, parameters), parameters);
    }

    /// <summary>The plan of the statement the store runs for the query's total.</summary>
    private static string CountPlan(string file, DocumentQuery query)
    {
        var parameters = new SqlParameters();
        return Explain(file, SqliteDocumentStore.CountSql(query, parameters), parameters);
    }

    private static string Explain(string file, string sql, SqlParameters parameters) =>
        string.Join(" | ", Column(file, $"EXPLAIN QUERY PLAN {sql}", parameters, ordinal: 3));

    private static object? Scalar(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>One text column of every row the statement returns.</summary>
    private static List<string> Column(string file, string sql, SqlParameters? parameters = null, int ordinal = 0)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters?.CopyTo(command);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(ordinal));
        }

        return values;
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
