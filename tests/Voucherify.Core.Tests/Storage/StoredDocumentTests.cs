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
