using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task A_created_document_reads_back_with_its_body_etag_and_timestamps()
    {
        var created = await CreateAsync("v1", """{"code":"SUMMER","discount":{"type":"AMOUNT","amount_off":500}}""");
        var read = await Store.GetAsync(Key("v1"));

        Assert.NotNull(read);
        Assert.Equal(Key("v1"), read.Key);
        AssertBody("""{"code":"SUMMER","discount":{"type":"AMOUNT","amount_off":500}}""", read.Body);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal(Start, read.UpdatedAt);
        AssertBody("""{"code":"SUMMER","discount":{"type":"AMOUNT","amount_off":500}}""", created.Body);
    }

    [Fact]
    public async Task The_store_writes_created_at_and_updated_at_into_the_body_in_the_wire_format()
    {
        Clock.SetUtcNow(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));
        var created = await CreateAsync("v1", """{"code":"A","created_at":"caller's value"}""");

        Assert.Equal("2024-05-01T12:00:00.123Z", created.Body["created_at"]!.GetValue<string>());
        Assert.Equal("2024-05-01T12:00:00.123Z", created.Body["updated_at"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero), created.CreatedAt);
        var read = await Store.GetAsync(Key("v1"));
        Assert.Equal("2024-05-01T12:00:00.123Z", read!.Body["created_at"]!.GetValue<string>());
        Assert.Equal(created.CreatedAt, read.CreatedAt);
    }

    [Fact]
    public async Task Bodies_round_trip_every_json_value_exactly()
    {
        const string body = """
            {
              "text": "Zażółć \"gęślą\" jaźń 🎉 <b>&amp;</b> 'quoted' \\ back",
              "big": 9007199254740991,
              "negative": -42,
              "fraction": 0.1,
              "exponent": 1.5e-7,
              "yes": true,
              "no": false,
              "nothing": null,
              "empty": {},
              "list": [1, "two", [3], {"four": 4}, null],
              "deep": {"a": {"b": {"c": {"d": "e"}}}}
            }
            """;
        await CreateAsync("v1", body);

        AssertBody(body, (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task The_store_keeps_its_own_copy_of_a_body()
    {
        var input = Json("""{"code":"A"}""");
        var created = await Store.CreateAsync(new NewDocument(Key("v1"), input));
        input["code"] = "changed by the caller";
        created.Body["code"] = "changed through the result";

        AssertBody("""{"code":"A"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Creating_a_document_whose_key_exists_throws_a_conflict_and_keeps_the_original()
    {
        await CreateAsync("v1", """{"code":"first"}""");

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => CreateAsync("v1", """{"code":"second"}"""));

        Assert.Equal(Key("v1"), conflict.Key);
        AssertBody("""{"code":"first"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Getting_a_missing_document_returns_null()
    {
        Assert.Null(await Store.GetAsync(Key("nope")));
    }

    [Fact]
    public async Task Kind_partition_key_and_id_together_identify_a_document()
    {
        await CreateAsync("same", """{"n":1}""", kind: "voucher", partition: "p1");
        await CreateAsync("same", """{"n":2}""", kind: "voucher", partition: "p2");
        await CreateAsync("same", """{"n":3}""", kind: "campaign", partition: "p1");

        AssertBody("""{"n":1}""", (await Store.GetAsync(Key("same", "voucher", "p1")))!.Body);
        AssertBody("""{"n":2}""", (await Store.GetAsync(Key("same", "voucher", "p2")))!.Body);
        AssertBody("""{"n":3}""", (await Store.GetAsync(Key("same", "campaign", "p1")))!.Body);
        Assert.Null(await Store.GetAsync(Key("same", "campaign", "p2")));
    }

    [Fact]
    public async Task Replacing_with_the_current_etag_stores_the_new_body_with_a_new_etag()
    {
        var created = await CreateAsync("v1", """{"code":"A","active":true}""");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var replaced = await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"B"}""")), created.ETag);

        Assert.NotNull(replaced);
        AssertBody("""{"code":"B"}""", replaced.Body);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(Start, replaced.CreatedAt);
        Assert.Equal(Start.AddMinutes(5), replaced.UpdatedAt);
        var read = await Store.GetAsync(Key("v1"));
        AssertBody("""{"code":"B"}""", read!.Body);
        Assert.Equal(replaced.ETag, read.ETag);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal(Start.AddMinutes(5), read.UpdatedAt);
        Assert.Equal(DocumentTimestamps.Format(Start), read.Body["created_at"]!.GetValue<string>());
        Assert.Equal(DocumentTimestamps.Format(Start.AddMinutes(5)), read.Body["updated_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replacing_with_a_stale_etag_throws_precondition_failed_and_keeps_the_body()
    {
        var created = await CreateAsync("v1", """{"code":"A"}""");
        await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"B"}""")), created.ETag);

        var failure = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"C"}""")), created.ETag));

        Assert.Equal(Key("v1"), failure.Key);
        AssertBody("""{"code":"B"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Replacing_without_an_etag_is_unconditional()
    {
        await CreateAsync("v1", """{"code":"A"}""");
        await Store.PatchAsync(Key("v1"), [PatchOperation.Set("code", "B")]);

        var replaced = await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"C"}""")), ifMatch: null);

        AssertBody("""{"code":"C"}""", replaced!.Body);
        AssertBody("""{"code":"C"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Replacing_a_missing_document_returns_null_and_creates_nothing()
    {
        Assert.Null(await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"A"}""")), ifMatch: null));
        Assert.Null(await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"code":"A"}""")), ifMatch: "some-etag"));
        Assert.Null(await Store.GetAsync(Key("v1")));
    }

    [Fact]
    public async Task Every_write_issues_a_new_etag()
    {
        var created = await CreateAsync("v1", """{"n":0}""");
        var replaced = await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"n":0}""")), created.ETag);
        var patched = await Store.PatchAsync(Key("v1"), [PatchOperation.Set("n", 0)]);
        var deletedAndCreated = await Store.DeleteAsync(Key("v1")) ? await CreateAsync("v1", """{"n":0}""") : null;

        var etags = new[] { created.ETag, replaced!.ETag, patched.Document!.ETag, deletedAndCreated!.ETag };
        Assert.Equal(etags.Length, etags.Distinct().Count());
    }

    [Fact]
    public async Task Deleting_without_an_etag_removes_the_document()
    {
        await CreateAsync("v1", """{"code":"A"}""");

        Assert.True(await Store.DeleteAsync(Key("v1")));
        Assert.Null(await Store.GetAsync(Key("v1")));
    }

    [Fact]
    public async Task Deleting_with_the_current_etag_removes_the_document()
    {
        var created = await CreateAsync("v1", """{"code":"A"}""");

        Assert.True(await Store.DeleteAsync(Key("v1"), created.ETag));
        Assert.Null(await Store.GetAsync(Key("v1")));
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_throws_precondition_failed_and_keeps_the_document()
    {
        var created = await CreateAsync("v1", """{"code":"A"}""");
        await Store.PatchAsync(Key("v1"), [PatchOperation.Set("code", "B")]);

        var failure = await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync(Key("v1"), created.ETag));

        Assert.Equal(Key("v1"), failure.Key);
        AssertBody("""{"code":"B"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Deleting_a_missing_document_returns_false()
    {
        Assert.False(await Store.DeleteAsync(Key("nope")));
        Assert.False(await Store.DeleteAsync(Key("nope"), "some-etag"));
    }

    /// <summary>
    /// Ids and partitions come from callers (codes, source ids, Idempotency-Keys): every character a URL or Cosmos DB
    /// treats specially must reach the same document through every point operation, and no two ids may meet.
    /// </summary>
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a%b")]
    [InlineData("a%2Fb")]
    [InlineData("a~b")]
    [InlineData("a~2Fb")]
    [InlineData("a b+c&d=e")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("ü🎉名")]
    public async Task Ids_and_partitions_with_any_character_reach_their_own_document_through_every_operation(string awkward)
    {
        var key = Key(awkward, partition: awkward);
        var plain = Key("a-b", partition: awkward);
        await Store.CreateAsync(new NewDocument(plain, Json("""{"owner":"plain"}""")));

        var created = await Store.CreateAsync(new NewDocument(key, Json("""{"n":1}""")));
        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.CreateAsync(new NewDocument(key, Json("{}"))));
        Assert.Equal(created.ETag, (await Store.GetAsync(key))!.ETag);
        var replaced = await Store.ReplaceAsync(new NewDocument(key, Json("""{"n":2}""")), created.ETag);
        Assert.Equal(PatchOutcome.Applied, (await Store.PatchAsync(key, [PatchOperation.Increment("n", 1)])).Outcome);
        Assert.Equal(3, (await Store.GetAsync(key))!.Body["n"]!.GetValue<long>());
        var ids = (await QueryAllAsync(Query() with { PartitionKey = awkward })).Select(d => d.Key.Id);
        Assert.Equal(new[] { awkward, "a-b" }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        Assert.NotNull(replaced);
        Assert.True(await Store.DeleteAsync(key));
        Assert.Null(await Store.GetAsync(key));
        AssertBody("""{"owner":"plain"}""", (await Store.GetAsync(plain))!.Body);
    }

    [Fact]
    public async Task Ids_that_differ_only_in_characters_a_store_escapes_stay_apart()
    {
        string[] ids = ["a/b", "a%2Fb", "a~2Fb", "a%252Fb", "a~7E2Fb", "a%b", "a~b", "a%25b", "a~25b", "..", "~2E~2E", ".", "~2E"];
        foreach (var id in ids)
        {
            await Store.CreateAsync(new NewDocument(Key(id), new JsonObject { ["id"] = id }));
        }

        foreach (var id in ids)
        {
            Assert.Equal(id, (await Store.GetAsync(Key(id)))!.Body["id"]!.GetValue<string>());
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), (await QueryAllAsync(Query())).Select(d => d.Key.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deleted_document_can_be_created_again_as_new()
    {
        await CreateAsync("v1", """{"code":"A"}""");
        await Store.DeleteAsync(Key("v1"));
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await CreateAsync("v1", """{"code":"B"}""");

        AssertBody("""{"code":"B"}""", again.Body);
        Assert.Equal(Start.AddHours(1), (await Store.GetAsync(Key("v1")))!.CreatedAt);
    }

    [Fact]
    public async Task A_deleted_document_is_gone_for_every_read_and_write_until_created_again()
    {
        await CreateAsync("v1", """{"code":"A","n":1}""");
        await CreateAsync("v2", """{"code":"B","n":1}""");
        await Store.DeleteAsync(Key("v1"));

        Assert.Null(await Store.GetAsync(Key("v1")));
        Assert.False(await Store.DeleteAsync(Key("v1")));
        Assert.Equal(PatchOutcome.NotFound, (await Store.PatchAsync(Key("v1"), [PatchOperation.Increment("n", 1)])).Outcome);
        Assert.Null(await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("{}")), null));
        Assert.Equal(["v2"], (await QueryAllAsync(Query())).Select(document => document.Key.Id));
        Assert.Equal(1, await Store.CountAsync(Query()));
        Assert.Equal(1, await Store.CountAsync(Query() with { Where = [Condition.Eq("n", 1)] }));

        var again = await CreateAsync("v1", """{"code":"C"}""");
        await Assert.ThrowsAsync<DocumentConflictException>(() => CreateAsync("v1", "{}"));
        AssertBody("""{"code":"C"}""", (await Store.GetAsync(Key("v1")))!.Body);
        Assert.Equal(2, await Store.CountAsync(Query()));
        Assert.Equal(again.ETag, (await Store.GetAsync(Key("v1")))!.ETag);
    }

    [Fact]
    public async Task The_same_id_in_two_projects_is_two_separate_documents()
    {
        var otherProject = Project + "_other";
        await CreateAsync("v1", """{"owner":"mine"}""");
        await Store.CreateAsync(new NewDocument(Key("v1", project: otherProject), Json("""{"owner":"theirs"}""")));

        AssertBody("""{"owner":"mine"}""", (await Store.GetAsync(Key("v1")))!.Body);
        AssertBody("""{"owner":"theirs"}""", (await Store.GetAsync(Key("v1", project: otherProject)))!.Body);

        await Store.PatchAsync(Key("v1"), [PatchOperation.Set("owner", "patched")]);
        Assert.True(await Store.DeleteAsync(Key("v1", project: otherProject)));

        AssertBody("""{"owner":"patched"}""", (await Store.GetAsync(Key("v1")))!.Body);
        Assert.Null(await Store.GetAsync(Key("v1", project: otherProject)));
    }

    [Fact]
    public async Task Queries_and_counts_never_cross_projects()
    {
        var otherProject = Project + "_other";
        await CreateAsync("mine", """{"name":"x"}""");
        await Store.CreateAsync(new NewDocument(Key("theirs", project: otherProject), Json("""{"name":"x"}""")));
        await Store.CreateAsync(new NewDocument(Key("mine", project: otherProject), Json("""{"name":"x"}""")));

        var mine = await QueryAllAsync(Query() with { Where = [Condition.Eq("name", "x")] });

        Assert.Equal(["mine"], mine.Select(document => document.Key.Id));
        Assert.All(mine, document => Assert.Equal(Project, document.Key.ProjectId));
        Assert.Equal(1, await Store.CountAsync(Query()));
        Assert.Equal(2, await Store.CountAsync(new DocumentQuery(otherProject, "voucher")));
    }

    [Fact]
    public async Task Paths_outside_letters_digits_and_underscores_are_rejected()
    {
        await CreateAsync("v1", """{"n":1}""");
        string[] badPaths = ["", "a..b", ".a", "a.", "a'b", "a b", "$.a", "a[0]", "a\"b", "n') OR 1=1 --", "a-b", "a/b"];

        foreach (var path in badPaths)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PatchAsync(Key("v1"), [PatchOperation.Set(path, 1)]));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PatchAsync(Key("v1"), [PatchOperation.Increment(path, 1)]));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PatchAsync(Key("v1"), [PatchOperation.Remove(path)]));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.QueryAsync(Query() with { Where = [Condition.Eq(path, 1)] }).AsTask());
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.QueryAsync(Query() with { OrderBy = path }).AsTask());
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CountAsync(Query() with { Where = [Condition.LessThanPath("n", path)] }));
        }

        AssertBody("""{"n":1}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Values_that_look_like_sql_are_stored_and_matched_as_plain_data()
    {
        const string hostile = "x'); DROP TABLE documents; --";
        await Store.CreateAsync(new NewDocument(Key(hostile, kind: hostile, partition: hostile), new JsonObject { ["name"] = hostile }));
        await Store.PatchAsync(Key(hostile, hostile, hostile), [PatchOperation.Set("note", hostile)], [Condition.Eq("name", hostile)]);

        var found = await QueryAllAsync(new DocumentQuery(Project, hostile) { PartitionKey = hostile, Where = [Condition.Eq("note", hostile)] });

        Assert.Single(found);
        Assert.Equal(hostile, found[0].Body["name"]!.GetValue<string>());
    }
}
