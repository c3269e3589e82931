using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Creating_many_stores_every_free_key_and_answers_false_for_a_taken_one_which_keeps_its_body()
    {
        await CreateAsync("v2", """{"code":"original"}""");
        NewDocument[] batch =
        [
            new(Key("v1"), Json("""{"code":"A"}""")),
            new(Key("v2"), Json("""{"code":"B"}""")),
            new(Key("v3", partition: "p7"), Json("""{"code":"C","nested":{"n":3}}""")),
        ];

        var created = await Store.CreateManyAsync(batch);

        Assert.Equal([true, false, true], created);
        AssertBody("""{"code":"A"}""", (await Store.GetAsync(Key("v1")))!.Body);
        AssertBody("""{"code":"original"}""", (await Store.GetAsync(Key("v2")))!.Body);
        var third = await Store.GetAsync(Key("v3", partition: "p7"));
        AssertBody("""{"code":"C","nested":{"n":3}}""", third!.Body);
        Assert.Equal(Start, third.CreatedAt);
        Assert.Equal("2024-05-01T12:00:00.000Z", third.Body["created_at"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(third.ETag));
        Assert.Equal(3, await Store.CountAsync(Query()));
    }

    [Fact]
    public async Task Of_two_documents_with_one_key_in_a_batch_exactly_one_is_created()
    {
        var created = await Store.CreateManyAsync([new(Key("v1"), Json("""{"n":1}""")), new(Key("v1"), Json("""{"n":2}"""))]);

        Assert.Equal(1, created.Count(flag => flag));
        var stored = (await Store.GetAsync(Key("v1")))!.Body["n"]!.GetValue<int>();
        Assert.Equal(created[0] ? 1 : 2, stored);
        Assert.Equal(1, await Store.CountAsync(Query()));
    }

    [Fact]
    public async Task A_big_batch_creates_every_document_once_and_an_empty_one_nothing()
    {
        var batch = Enumerable.Range(0, 300).Select(i => new NewDocument(Key($"v{i}", partition: $"p{i % 7}"), Json($$"""{"n":{{i}}}"""))).ToList();

        var created = await Store.CreateManyAsync(batch);
        var again = await Store.CreateManyAsync(batch);

        Assert.All(created, Assert.True);
        Assert.All(again, Assert.False);
        Assert.Empty(await Store.CreateManyAsync([]));
        var stored = await QueryAllAsync(Query());
        Assert.Equal(Enumerable.Range(0, 300), stored.Select(document => document.Body["n"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task A_batch_with_an_invalid_key_is_refused_before_anything_is_written()
    {
        NewDocument[] batch = [new(Key("v1"), Json("""{"n":1}""")), new(Key(""), Json("""{"n":2}"""))];

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CreateManyAsync(batch));

        Assert.Null(await Store.GetAsync(Key("v1")));
    }
}
