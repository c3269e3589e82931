using System.Text.Json.Nodes;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// SQLite's change log, which the polling processor reads: every write once, in commit order. Cosmos DB has no
/// such log (its feed is the SDK's change feed processor); what both feeds promise handlers is proven by the
/// change feed processor tests, which run on both stores.
/// </summary>
public sealed partial class SqliteDocumentStoreContractTests
{
    [Fact]
    public async Task Every_write_appears_once_in_the_feed_with_its_kind_body_and_etag_in_the_documents_write_order()
    {
        var created = await CreateAsync("v1", """{"n":1}""");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await CreateAsync("v2", """{"n":9}""", kind: "campaign", partition: "p9");
        var replaced = await Store.ReplaceAsync(new NewDocument(Key("v1"), Json("""{"n":2}""")), created.ETag);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var patched = (await Store.PatchAsync(Key("v1"), [PatchOperation.Increment("n", 1)])).Document;
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Store.DeleteAsync(Key("v1"));

        var changes = await ReadOwnChangesAsync();

        // Consumers may rely on the order of one document's changes; across partitions a store may interleave them.
        var v1 = changes.Where(change => change.Key == Key("v1")).ToList();
        var v2 = Assert.Single(changes, change => change.Key == Key("v2", "campaign", "p9"));
        Assert.Equal(5, changes.Count);
        Assert.Equal([ChangeKind.Created, ChangeKind.Replaced, ChangeKind.Patched, ChangeKind.Deleted], v1.Select(change => change.Change));
        StoredDocument[] written = [created, replaced!, patched!];
        for (var i = 0; i < written.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(written[i].Body, v1[i].Body), $"Change {i} carries the body after the write.");
            Assert.Equal(written[i].ETag, v1[i].ETag);
            Assert.Equal(written[i].UpdatedAt, v1[i].At);
        }

        Assert.Null(v1[3].Body);
        Assert.Equal(Start.AddSeconds(3), v1[3].At);
        Assert.True(v1.Zip(v1.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "Sequences increase.");
        Assert.Equal(ChangeKind.Created, v2.Change);
        Assert.True(JsonNode.DeepEquals(other.Body, v2.Body));
    }

    [Fact]
    public async Task Creating_many_logs_one_created_change_per_document_it_created_and_none_for_a_taken_key()
    {
        await CreateAsync("v2", """{"n":0}""");

        var created = await Store.CreateManyAsync([new(Key("v1"), Json("""{"n":1}""")), new(Key("v2"), Json("""{"n":2}""")), new(Key("v3"), Json("""{"n":3}"""))]);

        var changes = await ReadOwnChangesAsync();
        Assert.Equal([true, false, true], created);
        Assert.Equal(["v2", "v1", "v3"], changes.Select(change => change.Key.Id));
        Assert.All(changes, change => Assert.Equal(ChangeKind.Created, change.Change));
        Assert.Equal(1, changes[1].Body!["n"]!.GetValue<int>());
        Assert.Equal((await Store.GetAsync(Key("v3")))!.ETag, changes[2].ETag);
    }

    [Fact]
    public async Task Resuming_from_a_checkpoint_returns_only_later_changes()
    {
        await CreateAsync("a", "{}");
        await CreateAsync("b", "{}");
        var first = await Log.ReadChangesAsync(null, 1000);
        await CreateAsync("c", "{}");
        await Store.PatchAsync(Key("a"), [PatchOperation.Set("x", 1)]);

        var later = await Log.ReadChangesAsync(first.Checkpoint, 1000);

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
            var batch = await Log.ReadChangesAsync(checkpoint, 3);
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
        var all = await Log.ReadChangesAsync(null, 1000);
        var pastEnd = await Log.ReadChangesAsync(all.Checkpoint, 1000);

        await CreateAsync("b", "{}");
        var resumed = await Log.ReadChangesAsync(pastEnd.Checkpoint, 1000);

        Assert.Empty(pastEnd.Changes);
        Assert.Equal(["b"], resumed.Changes.Select(change => change.Key.Id));
    }

    [Fact]
    public async Task The_checkpoint_of_an_empty_feed_resumes_from_the_first_change()
    {
        var empty = await Log.ReadChangesAsync(null, 10);
        await CreateAsync("first", "{}");

        var resumed = await Log.ReadChangesAsync(empty.Checkpoint, 10);

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

        var batch = await Log.ReadChangesAsync(null, 1000);

        Assert.Contains(batch.Changes, change => change.Key == Key("a"));
        Assert.Contains(batch.Changes, change => change.Key == Key("b", kind: "customer", project: otherProject));
    }

    [Fact]
    public async Task Concurrent_guarded_increments_are_logged_once_each_in_their_order()
    {
        await CreateAsync("voucher", """{"redemption":{"quantity":50,"redeemed_quantity":0}}""");
        var guard = Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity");

        await RaceAsync(200, async _ => await Store.PatchAsync(Key("voucher"), [PatchOperation.Increment("redemption.redeemed_quantity", 1)], [guard]));

        var patches = (await ReadOwnChangesAsync()).Where(change => change.Change == ChangeKind.Patched).ToList();
        Assert.Equal(Enumerable.Range(1, 50), patches.Select(change => change.Body!["redemption"]!["redeemed_quantity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Concurrent_creates_and_patches_are_each_logged_once()
    {
        await RaceAsync(100, async i =>
        {
            await CreateAsync($"v{i:D3}", $$"""{"n":{{i}}}""");
            return await Store.PatchAsync(Key($"v{i:D3}"), [PatchOperation.Increment("n", 1000)]);
        });

        var changes = await ReadOwnChangesAsync();

        Assert.Equal(200, changes.Select(change => change.Sequence).Distinct().Count());
        Assert.All(
            changes.GroupBy(change => change.Key),
            history => Assert.Equal([ChangeKind.Created, ChangeKind.Patched], history.Select(change => change.Change)));
    }

    private SqliteDocumentStore Log => (SqliteDocumentStore)Store;

    /// <summary>The whole log from the start, restricted to this test's project.</summary>
    private async Task<List<DocumentChange>> ReadOwnChangesAsync(string? checkpoint = null)
    {
        var changes = new List<DocumentChange>();
        while (true)
        {
            var batch = await Log.ReadChangesAsync(checkpoint, 500);
            if (batch.Changes.Count == 0)
            {
                return changes;
            }

            changes.AddRange(batch.Changes.Where(change => change.Key.ProjectId == Project));
            checkpoint = batch.Checkpoint;
        }
    }
}
