using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    /// <summary>A small catalogue with every JSON type, missing fields and look-alike values.</summary>
    private async Task CreateCatalogueAsync()
    {
        await CreateAsync("a", """{"name":"a","n":1,"s":"apple","b":true,"nested":{"v":1}}""");
        await CreateAsync("b", """{"name":"b","n":2.5,"s":"banana","b":false}""");
        await CreateAsync("c", """{"name":"c","n":10,"s":"cherry","b":null}""");
        await CreateAsync("d", """{"name":"d","n":"10","s":"Apple"}""");
        await CreateAsync("e", """{"name":"e"}""");
        await CreateAsync("f", """{"name":"f","n":9,"s":"app%_le","nested":{"v":3}}""");
        await CreateAsync("other-kind", """{"name":"x","n":1,"s":"apple"}""", kind: "campaign");
    }

    [Fact]
    public async Task A_query_returns_only_documents_of_its_kind()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "b", "c", "d", "e", "f"], await IdsAsync());
        Assert.Equal(["other-kind"], (await QueryAllAsync(Query("campaign"))).Select(document => document.Key.Id));
    }

    [Fact]
    public async Task Query_results_carry_key_body_etag_and_timestamps()
    {
        var created = await CreateAsync("v1", """{"name":"one","code":"A"}""", partition: "campaign_1");

        var found = Assert.Single((await Store.QueryAsync(Query())).Items);

        Assert.Equal(Key("v1", partition: "campaign_1"), found.Key);
        Assert.Equal(created.ETag, found.ETag);
        Assert.Equal(created.CreatedAt, found.CreatedAt);
        Assert.Equal(created.UpdatedAt, found.UpdatedAt);
        AssertBody("""{"name":"one","code":"A"}""", found.Body);
    }

    [Fact]
    public async Task Equal_matches_the_same_value_of_the_same_json_type()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["c"], await IdsAsync(Condition.Eq("n", 10)));
        Assert.Equal(["c"], await IdsAsync(Condition.Eq("n", JsonNode.Parse("10.0"))));
        Assert.Equal(["d"], await IdsAsync(Condition.Eq("n", "10")));
        Assert.Equal(["b"], await IdsAsync(Condition.Eq("n", 2.5)));
        Assert.Equal(["a"], await IdsAsync(Condition.Eq("s", "apple")));
        Assert.Equal(["a"], await IdsAsync(Condition.Eq("b", true)));
        Assert.Equal(["b"], await IdsAsync(Condition.Eq("b", false)));
        Assert.Equal(["f"], await IdsAsync(Condition.Eq("nested.v", 3)));
        Assert.Equal(["a"], await IdsAsync(Condition.Eq("nested", JsonNode.Parse("""{"v":1}"""))));
    }

    [Fact]
    public async Task Equal_to_null_matches_null_and_missing_values()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["c", "d", "e", "f"], await IdsAsync(Condition.Eq("b", null)));
        Assert.Equal(["e"], await IdsAsync(Condition.Eq("n", null)));
    }

    [Fact]
    public async Task Not_equal_is_the_exact_negation_of_equal_including_missing_values()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["b", "c", "d", "e", "f"], await IdsAsync(Condition.NotEq("b", true)));
        Assert.Equal(["a", "b", "d", "e", "f"], await IdsAsync(Condition.NotEq("n", 10)));
        Assert.Equal(["a", "b"], await IdsAsync(Condition.NotEq("b", null)));
    }

    [Fact]
    public async Task Orderings_compare_numbers_numerically_and_skip_other_types()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "b", "f"], await IdsAsync(Condition.Less("n", 10)));
        Assert.Equal(["a", "b", "c", "f"], await IdsAsync(Condition.LessOrEq("n", 10)));
        Assert.Equal(["b", "c", "f"], await IdsAsync(Condition.Greater("n", 2)));
        Assert.Equal(["b", "c", "f"], await IdsAsync(Condition.GreaterOrEq("n", 2.5)));
        Assert.Equal(["c"], await IdsAsync(Condition.Greater("n", 9)));
        Assert.Empty(await IdsAsync(Condition.Less("n", null)));
    }

    [Fact]
    public async Task Orderings_compare_strings_ordinally()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "d", "f"], await IdsAsync(Condition.Less("s", "b")));
        Assert.Equal(["b", "c"], await IdsAsync(Condition.Greater("s", "b")));
        Assert.Equal(["b", "c"], await IdsAsync(Condition.GreaterOrEq("s", "banana")));
        Assert.Equal(["d"], await IdsAsync(Condition.Less("s", "a")));
        Assert.Equal(["d"], await IdsAsync(Condition.Less("n", "2")));
    }

    [Fact]
    public async Task In_matches_any_listed_value_of_the_same_json_type()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "d", "e"], await IdsAsync(Condition.In("n", new JsonArray(1, "10", null))));
        Assert.Equal(["b", "c"], await IdsAsync(Condition.In("s", new JsonArray("banana", "cherry", "kiwi"))));
        Assert.Equal(["a", "b"], await IdsAsync(Condition.In("b", new JsonArray(true, false))));
        Assert.Empty(await IdsAsync(Condition.In("s", new JsonArray())));
    }

    [Fact]
    public async Task In_handles_long_lists_of_ids()
    {
        await CreateCatalogueAsync();
        var names = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)("name_" + i)).Append("c").Append("e").ToArray());

        Assert.Equal(["c", "e"], await IdsAsync(Condition.In("name", names)));
    }

    [Fact]
    public async Task Starts_with_is_a_case_sensitive_prefix_match_without_wildcards()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "f"], await IdsAsync(Condition.StartsWith("s", "app")));
        Assert.Equal(["f"], await IdsAsync(Condition.StartsWith("s", "app%")));
        Assert.Equal(["f"], await IdsAsync(Condition.StartsWith("s", "app%_")));
        Assert.Empty(await IdsAsync(Condition.StartsWith("s", "a_p")));
        Assert.Empty(await IdsAsync(Condition.StartsWith("s", "APP")));
        Assert.Equal(["a", "b", "c", "d", "f"], await IdsAsync(Condition.StartsWith("s", "")));
        Assert.Equal(["d"], await IdsAsync(Condition.StartsWith("n", "1")));
    }

    [Fact]
    public async Task Is_null_and_is_not_null_treat_missing_as_null()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["c", "d", "e", "f"], await IdsAsync(Condition.IsNull("b")));
        Assert.Equal(["a", "b"], await IdsAsync(Condition.IsNotNull("b")));
        Assert.Equal(["b", "c", "d", "e"], await IdsAsync(Condition.IsNull("nested.v")));
    }

    [Fact]
    public async Task Any_of_matches_when_one_alternative_holds_and_conditions_in_a_list_all_hold()
    {
        await CreateCatalogueAsync();

        Assert.Equal(["a", "c"], await IdsAsync(Condition.AnyOf(Condition.Eq("s", "apple"), Condition.Greater("n", 9))));
        Assert.Equal(["b", "f"], await IdsAsync(Condition.Greater("n", 1), Condition.Less("n", 10)));
        Assert.Equal(
            ["a", "c", "e"],
            await IdsAsync(
                Condition.NotEq("name", "b"),
                Condition.AnyOf(Condition.IsNull("n"), Condition.AnyOf(Condition.Eq("n", 1), Condition.Eq("n", 10)))));
    }

    [Fact]
    public async Task Conditions_on_created_at_filter_by_creation_time()
    {
        await CreateAsync("early", """{"name":"early"}""");
        Clock.Advance(TimeSpan.FromDays(1));
        await CreateAsync("late", """{"name":"late"}""");

        var cutoff = DocumentTimestamps.Format(Start.AddHours(12));
        Assert.Equal(["late"], await IdsAsync(Condition.Greater("created_at", cutoff)));
        Assert.Equal(["early"], await IdsAsync(Condition.Less("created_at", cutoff)));
    }

    [Fact]
    public async Task A_query_orders_by_a_body_path_numerically_ascending_and_descending()
    {
        foreach (var (id, rank) in new[] { ("r1", 10), ("r2", 9), ("r3", 100), ("r4", 1), ("r5", -3) })
        {
            await CreateAsync(id, $$"""{"rank":{{rank}}}""");
        }

        var ascending = await QueryAllAsync(Query() with { OrderBy = "rank" });
        var descending = await QueryAllAsync(Query() with { OrderBy = "rank", Descending = true });

        Assert.Equal(["r5", "r4", "r2", "r1", "r3"], ascending.Select(document => document.Key.Id));
        Assert.Equal(["r3", "r1", "r2", "r4", "r5"], descending.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task A_query_orders_by_a_nested_string_path()
    {
        await CreateAsync("x", """{"customer":{"name":"Carol"}}""");
        await CreateAsync("y", """{"customer":{"name":"Alice"}}""");
        await CreateAsync("z", """{"customer":{"name":"Bob"}}""");

        var ordered = await QueryAllAsync(Query() with { OrderBy = "customer.name" });

        Assert.Equal(["y", "z", "x"], ordered.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task By_default_a_query_lists_oldest_first_by_created_at()
    {
        foreach (var id in new[] { "zz", "mm", "aa" })
        {
            await CreateAsync(id, "{}");
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var oldestFirst = await QueryAllAsync(Query());
        var newestFirst = await QueryAllAsync(Query() with { Descending = true, PageSize = 1 });

        Assert.Equal(["zz", "mm", "aa"], oldestFirst.Select(document => document.Key.Id));
        Assert.Equal(["aa", "mm", "zz"], newestFirst.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task Ties_in_the_sort_key_are_broken_by_id()
    {
        await CreateAsync("b", """{"group":1}""");
        await CreateAsync("c", """{"group":0}""");
        await CreateAsync("a", """{"group":1}""");

        var ascending = await QueryAllAsync(Query() with { OrderBy = "group" });
        var descending = await QueryAllAsync(Query() with { OrderBy = "group", Descending = true });

        Assert.Equal(["c", "a", "b"], ascending.Select(document => document.Key.Id));
        Assert.Equal(["b", "a", "c"], descending.Select(document => document.Key.Id));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 4)]
    [InlineData(false, 7)]
    [InlineData(true, 3)]
    [InlineData(true, 5)]
    public async Task Paging_with_continuations_visits_every_document_once_in_order_despite_ties_and_missing_sort_values(bool descending, int pageSize)
    {
        var expected = new List<(int? Group, string Id)>();
        for (var i = 0; i < 25; i++)
        {
            var id = $"doc-{i:D2}";
            int? group = i % 7 == 0 ? null : i % 4;
            await CreateAsync(id, group is null ? """{"other":1}""" : $$"""{"group":{{group}}}""");
            expected.Add((group, id));
        }

        var ordered = expected
            .OrderBy(entry => entry.Group.HasValue)
            .ThenBy(entry => entry.Group)
            .ThenBy(entry => entry.Id, StringComparer.Ordinal)
            .Select(entry => entry.Id)
            .ToList();
        if (descending)
        {
            ordered.Reverse();
        }

        var paged = await QueryAllAsync(Query() with { OrderBy = "group", Descending = descending, PageSize = pageSize });

        Assert.Equal(ordered, paged.Select(document => document.Key.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Paging_through_fractions_strings_and_missing_values_visits_every_document_once_in_order(bool descending)
    {
        string[] values = ["0.25", "1.5", "-2.75", "1e-3", "\"b\"", "\"a\"", "\"a\"", "null", "2", "1.5"];
        for (var i = 0; i < values.Length; i++)
        {
            await CreateAsync($"v{i}", $$"""{"score":{{values[i]}}}""");
        }

        await CreateAsync("v-missing", "{}");
        var expected = new List<string> { "v-missing", "v7", "v2", "v3", "v0", "v1", "v9", "v8", "v5", "v6", "v4" };
        expected = [.. expected.Take(2).Order(StringComparer.Ordinal), .. expected.Skip(2)];
        if (descending)
        {
            expected.Reverse();
        }

        var paged = await QueryAllAsync(Query() with { OrderBy = "score", Descending = descending, PageSize = 2 });

        Assert.Equal(expected, paged.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task Paging_by_created_at_with_identical_timestamps_visits_every_document_once()
    {
        var ids = Enumerable.Range(0, 17).Select(i => $"v{i:D2}").Reverse().ToList();
        foreach (var id in ids)
        {
            await CreateAsync(id, "{}");
        }

        var paged = await QueryAllAsync(Query() with { PageSize = 3 });

        Assert.Equal(ids.Order(StringComparer.Ordinal), paged.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task Paging_keeps_documents_with_the_same_id_in_different_partitions_apart()
    {
        await CreateAsync("same", """{"rank":1}""", partition: "p1");
        await CreateAsync("same", """{"rank":1}""", partition: "p2");
        await CreateAsync("same", """{"rank":1}""", partition: "p3");

        var paged = await QueryAllAsync(Query() with { OrderBy = "rank", PageSize = 1 });

        Assert.Equal(3, paged.Count);
        Assert.Equal(3, paged.Select(document => document.Key.PartitionKey).Distinct().Count());
    }

    [Fact]
    public async Task The_last_page_has_no_continuation()
    {
        await CreateAsync("a", "{}");
        await CreateAsync("b", "{}");

        var onlyPage = await Store.QueryAsync(Query() with { PageSize = 5 });
        var empty = await Store.QueryAsync(Query("nothing"));

        Assert.Equal(2, onlyPage.Items.Count);
        Assert.Null(onlyPage.Continuation);
        Assert.Empty(empty.Items);
        Assert.Null(empty.Continuation);
    }

    [Fact]
    public async Task A_first_page_has_a_continuation_when_more_documents_follow()
    {
        await CreateAsync("a", "{}");
        await CreateAsync("b", "{}");
        await CreateAsync("c", "{}");

        var first = await Store.QueryAsync(Query() with { PageSize = 2 });
        var second = await Store.QueryAsync(Query() with { PageSize = 2, Continuation = first.Continuation });

        Assert.Equal(["a", "b"], first.Items.Select(document => document.Key.Id));
        Assert.NotNull(first.Continuation);
        Assert.Equal(["c"], second.Items.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task Paging_with_a_filter_returns_only_matching_documents()
    {
        for (var i = 0; i < 30; i++)
        {
            await CreateAsync($"v{i:D2}", $$"""{"n":{{i}},"even":{{(i % 2 == 0 ? "true" : "false")}}}""");
        }

        var paged = await QueryAllAsync(Query() with { Where = [Condition.Eq("even", true), Condition.GreaterOrEq("n", 10)], OrderBy = "n", Descending = true, PageSize = 4 });

        Assert.Equal(Enumerable.Range(10, 20).Where(i => i % 2 == 0).Reverse().Select(i => $"v{i:D2}"), paged.Select(document => document.Key.Id));
    }

    [Fact]
    public async Task A_partition_key_scopes_queries_and_counts_to_that_partition()
    {
        await CreateAsync("a", """{"name":"a"}""", partition: "camp_1");
        await CreateAsync("b", """{"name":"b"}""", partition: "camp_2");
        await CreateAsync("c", """{"name":"c"}""", partition: "camp_1");
        await CreateAsync("d", """{"name":"d"}""", kind: "campaign", partition: "camp_1");

        var inPartition = await QueryAllAsync(Query() with { PartitionKey = "camp_1", PageSize = 1 });

        Assert.Equal(["a", "c"], inPartition.Select(document => document.Key.Id));
        Assert.All(inPartition, document => Assert.Equal("camp_1", document.Key.PartitionKey));
        Assert.Equal(2, await Store.CountAsync(Query() with { PartitionKey = "camp_1" }));
        Assert.Equal(1, await Store.CountAsync(Query() with { PartitionKey = "camp_2" }));
        Assert.Equal(0, await Store.CountAsync(Query() with { PartitionKey = "camp_3" }));
    }

    [Fact]
    public async Task Count_applies_the_same_filters_as_the_query()
    {
        await CreateCatalogueAsync();

        Assert.Equal(6, await Store.CountAsync(Query()));
        Assert.Equal(1, await Store.CountAsync(Query("campaign")));
        Assert.Equal(3, await Store.CountAsync(Query() with { Where = [Condition.Less("n", 10)] }));
        Assert.Equal(4, await Store.CountAsync(Query() with { Where = [Condition.IsNull("b")], PageSize = 1 }));
        Assert.Equal(0, await Store.CountAsync(Query("nothing")));
    }

    [Fact]
    public async Task A_query_sees_writes_that_completed_before_it()
    {
        await CreateAsync("a", """{"status":"ACTIVE"}""");
        await Store.PatchAsync(Key("a"), [PatchOperation.Set("status", "DISABLED")]);
        await CreateAsync("b", """{"status":"ACTIVE"}""");
        await Store.DeleteAsync(Key("b"));

        Assert.Empty((await Store.QueryAsync(Query() with { Where = [Condition.Eq("status", "ACTIVE")] })).Items);
        Assert.Equal(1, await Store.CountAsync(Query() with { Where = [Condition.Eq("status", "DISABLED")] }));
    }

    [Fact]
    public async Task A_continuation_from_another_ordering_is_rejected()
    {
        await CreateAsync("a", """{"rank":1}""");
        await CreateAsync("b", """{"rank":2}""");
        var first = await Store.QueryAsync(Query() with { OrderBy = "rank", PageSize = 1 });

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Store.QueryAsync(Query() with { OrderBy = "rank", Descending = true, PageSize = 1, Continuation = first.Continuation }).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Store.QueryAsync(Query() with { PageSize = 1, Continuation = "not a token" }).AsTask());
    }
}
