using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Storage;

/// <summary>A document read as text: parsed once, when its body is first asked for; typed reads see what the body says.</summary>
public sealed class StoredDocumentTests
{
    private static readonly DocumentKey Key = new("proj_1", "thing", "p", "t_1");
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_typed_read_comes_from_the_text_and_the_body_is_one_parsed_object()
    {
        var document = new StoredDocument(Key, """{"name":"A","count":2}""", "e1", At, At);

        Assert.Equal(new Thing("A", 2), document.Read<Thing>());
        Assert.Same(document.Body, document.Body);
        Assert.Equal(2, document.Body["count"]!.GetValue<int>());
    }

    [Fact]
    public void A_typed_read_after_the_body_was_changed_sees_the_change()
    {
        var document = new StoredDocument(Key, """{"name":"A","count":2}""", "e1", At, At);

        document.Body["count"] = 5;

        Assert.Equal(new Thing("A", 5), document.Read<Thing>());
    }

    [Fact]
    public void Copies_of_one_shared_version_give_one_tree_whose_nested_nodes_many_threads_read_alike()
    {
        var shared = new SharedReads();
        var text = """{"id":"c_1","metadata":{"tier":"gold","tags":["a","b"],"address":{"city":"Berlin"}}}""";
        var first = new StoredDocument(Key, text, "e1", At, At, shared);
        var second = new StoredDocument(Key, text, "e1", At, At, shared);

        var tree = first.ReadSharedTree();
        var cities = new string[64];
        Parallel.For(0, cities.Length, k => cities[k] = second.ReadSharedTree()["metadata"]!["address"]!["city"]!.GetValue<string>());

        Assert.Same(tree, second.ReadSharedTree());
        Assert.All(cities, city => Assert.Equal("Berlin", city));
        Assert.Equal("b", tree["metadata"]!["tags"]![1]!.GetValue<string>());
    }

    [Fact]
    public void A_shared_tree_holds_each_text_as_one_string_and_its_other_values_as_parsed()
    {
        var shared = new SharedReads();
        var document = new StoredDocument(Key, """{"id":"c_1","count":2,"vip":true,"metadata":{"tier":"gold","tags":["a",3]}}""", "e1", At, At, shared);

        var tree = document.ReadSharedTree();

        // A parsed value would make a new string on every read; rules read these on every validate.
        Assert.Same(tree["id"]!.GetValue<string>(), tree["id"]!.GetValue<string>());
        Assert.Same(tree["metadata"]!["tier"]!.GetValue<string>(), tree["metadata"]!["tier"]!.GetValue<string>());
        Assert.Same(tree["metadata"]!["tags"]![0]!.GetValue<string>(), tree["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal(2L, tree["count"]!.GetValue<long>());
        Assert.Equal(3, tree["metadata"]!["tags"]![1]!.GetValue<int>());
        Assert.True(tree["vip"]!.GetValue<bool>());
        Assert.Equal("""{"id":"c_1","count":2,"vip":true,"metadata":{"tier":"gold","tags":["a",3]}}""", tree.ToJsonString());
    }

    [Fact]
    public void A_document_no_one_shares_gives_its_own_body_as_its_tree()
    {
        var document = new StoredDocument(Key, """{"name":"A","count":2}""", "e1", At, At);

        Assert.Same(document.Body, document.ReadSharedTree());
    }

    [Fact]
    public void A_copy_with_another_body_reads_that_body()
    {
        var document = new StoredDocument(Key, """{"name":"A","count":2}""", "e1", At, At);

        var copy = document with { Body = new() { ["name"] = "B", ["count"] = 3 } };

        Assert.Equal(new Thing("B", 3), copy.Read<Thing>());
        Assert.Equal(new Thing("A", 2), document.Read<Thing>());
    }

    [Fact]
    public void Text_that_is_not_a_JSON_object_fails_when_the_body_is_asked_for()
    {
        var document = new StoredDocument(Key, "[1,2]", "e1", At, At);

        Assert.Throws<InvalidDataException>(() => document.Body);
    }

    private sealed record Thing(string Name, int Count);
}
