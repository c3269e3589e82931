using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Tests.Storage;

/// <summary>A change read as text is parsed once, when its body is first asked for.</summary>
public sealed class DocumentChangeTests
{
    private static readonly DocumentKey Key = new("proj_1", "order", "p", "ord_1");
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_body_of_a_change_read_as_text_is_one_parsed_object()
    {
        var change = DocumentChange.FromText(7, Key, ChangeKind.Patched, """{"status":"PAID"}""", "e1", At);

        Assert.Equal("PAID", change.Body!["status"]!.GetValue<string>());
        Assert.Same(change.Body, change.Body);
        Assert.Equal((7L, Key, ChangeKind.Patched, "e1", At), (change.Sequence, change.Key, change.Change, change.ETag, change.At));
    }

    [Fact]
    public void A_deletion_read_as_text_has_no_body()
    {
        var change = DocumentChange.FromText(8, Key, ChangeKind.Deleted, null, null, At);

        Assert.Null(change.Body);
        Assert.Null(change.ETag);
    }

    [Fact]
    public void A_copy_with_another_body_carries_that_body()
    {
        var change = DocumentChange.FromText(7, Key, ChangeKind.Patched, """{"status":"PAID"}""", "e1", At);

        var copy = change with { Body = new JsonObject { ["status"] = "CANCELED" } };

        Assert.Equal("CANCELED", copy.Body!["status"]!.GetValue<string>());
        Assert.Equal("PAID", change.Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Text_that_is_not_a_JSON_object_fails_when_the_body_is_asked_for() =>
        Assert.Throws<InvalidDataException>(() => DocumentChange.FromText(7, Key, ChangeKind.Created, "42", "e1", At).Body);
}
