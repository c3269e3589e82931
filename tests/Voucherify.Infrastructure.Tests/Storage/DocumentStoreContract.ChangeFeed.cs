using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Every_write_appears_once_in_the_feed_in_commit_order_with_its_kind_body_and_etag()
    {
        var created = await CreateAsync("v1", """{"n":1}""");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var replaced = await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"n":2}""")), created.ETag);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var patched = (await Store.PatchAsync(Key("v1"), [PatchOperation.Increment("n", 1)])).Document;
        var other = await CreateAsync("v2", """{"n":9}""", kind: "campaign", partition: "p9");
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.DeleteAsync(Key("v1"));

        var changes = await ReadOwnChangesAsync();

        Assert.Equal(
            [ChangeKind.Created, ChangeKind.Replaced, ChangeKind.Patched, ChangeKind.Created, ChangeKind.Deleted],
            changes.Select(change => change.Change));
        Assert.Equal([Key("v1"), Key("v1"), Key("v1"), Key("v2", "campaign", "p9"), Key("v1")], changes.Select(change => change.Key));
        StoredDocument[] written = [created, replaced!, patched!, other];
        for (var i = 0; i < written.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(written[i].Body, changes[i].Body), $"Change {i} carries the body after the write.");
            Assert.Equal(written[i].ETag, changes[i].ETag);
            Assert.Equal(written[i].UpdatedAt, changes[i].At);
        }

        Assert.Null(changes[4].Body);
        Assert.Equal(Start.AddSeconds(3), changes[4].At);
        Assert.True(changes.Zip(changes.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "Sequences increase.");
    }

    [Fact]
    public async Task Resuming_from_a_checkpoint_returns_only_later_changes()
    {
        await CreateAsync("a", "{}");
        await CreateAsync("b", "{}");
        var first = await Store.ReadChangesAsync(null, 1000);
        await CreateAsync("c", "{}");
        await Store.PatchAsync(Key("a"), [PatchOperation.Set("x", 1)]);

        var later = await Store.ReadChangesAsync(first.Checkpoint, 1000);

        Assert.Equal(
            [("c", ChangeKind.Created), ("a", ChangeKind.Patched)],
            later.Changes.Select(change => (change.Key.Id, change.Change)));
        Assert.All(later.Changes, change => Assert.True(change.Sequence > first.Changes[^1].Sequence));
    }

    [Fact]
    public async Task Reading_in_small_batches_delivers_every_change_exactly_once()
    {
        for (var i = 0; i < 10; i++)
        {
            await CreateAsync($"v{i}", "{}");
        }

        var seen = new List<DocumentChange>();
        string? checkpoint = null;
        while (true)
        {
            var batch = await Store.ReadChangesAsync(checkpoint, 3);
            Assert.True(batch.Changes.Count <= 3);
            if (batch.Changes.Count == 0)
            {
                break;
            }

            seen.AddRange(batch.Changes);
            checkpoint = batch.Checkpoint;
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"v{i}"), seen.Where(change => change.Key.ProjectId == Project).Select(change => change.Key.Id));
        Assert.Equal(seen.Count, seen.Select(change => change.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Reading_past_the_end_returns_no_changes_and_a_checkpoint_that_still_resumes()
    {
        await CreateAsync("a", "{}");
        var all = await Store.ReadChangesAsync(null, 1000);
        var pastEnd = await Store.ReadChangesAsync(all.Checkpoint, 1000);

        await CreateAsync("b", "{}");
        var resumed = await Store.ReadChangesAsync(pastEnd.Checkpoint, 1000);

        Assert.Empty(pastEnd.Changes);
        Assert.Equal(["b"], resumed.Changes.Select(change => change.Key.Id));
    }

    [Fact]
    public async Task The_checkpoint_of_an_empty_feed_resumes_from_the_first_change()
    {
        var empty = await Store.ReadChangesAsync(null, 10);
        await CreateAsync("first", "{}");

        var resumed = await Store.ReadChangesAsync(empty.Checkpoint, 10);

        Assert.Empty(empty.Changes);
        Assert.Equal(["first"], resumed.Changes.Select(change => change.Key.Id));
    }

    [Fact]
    public async Task Writes_that_fail_leave_no_trace_in_the_feed()
    {
        var created = await CreateAsync("v1", """{"n":1}""");
        await Store.PatchAsync(Key("v1"), [PatchOperation.Set("n", 2)]);
        var before = await ReadOwnChangesAsync();

        await Assert.ThrowsAsync<DocumentConflictException>(() => CreateAsync("v1", "{}"));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.ReplaceAsync(new NewDocument(Key("v1"), Json("{}")), created.ETag));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync(Key("v1"), created.ETag));
        await Store.PatchAsync(Key("v1"), [PatchOperation.Set("n", 3)], [Condition.Eq("n", 1)]);
        await Store.PatchAsync(Key("missing"), [PatchOperation.Set("n", 3)]);
        await Store.ReplaceAsync(new NewDocument(Key("missing"), Json("{}")), null);
        await Store.DeleteAsync(Key("missing"));

        var after = await ReadOwnChangesAsync();

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(change => change.Sequence), after.Select(change => change.Sequence));
    }

    [Fact]
    public async Task The_feed_covers_every_project_and_kind_in_the_store()
    {
        var otherProject = Project + "_other";
        await CreateAsync("a", "{}");
        await Store.CreateAsync(new NewDocument(Key("b", kind: "customer", project: otherProject), Json("{}")));

        var batch = await Store.ReadChangesAsync(null, 1000);

        Assert.Contains(batch.Changes, change => change.Key == Key("a"));
        Assert.Contains(batch.Changes, change => change.Key == Key("b", kind: "customer", project: otherProject));
    }
}
