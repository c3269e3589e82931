using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>The SQLite store's transactions over several documents: all of the writes or none of them.</summary>
public sealed class SqliteAtomicWriteTests : IDisposable
{
    private static readonly DocumentKey Counter = new("proj_1", "voucher", "camp_1", "limited");

    private readonly TemporaryFolder folder = new();
    private readonly SqliteDocumentStore store;

    public SqliteAtomicWriteTests()
    {
        store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_create_is_made_from_the_patch_before_it_and_both_commit_with_their_changes_in_order()
    {
        await store.CreateAsync(new NewDocument(Counter, new JsonObject { ["used"] = 4, ["limit"] = 5 }));
        var before = (await store.ReadChangesAsync(null, 100)).Checkpoint;
        var record = Record("r1");

        var result = await store.WriteAtomicallyAsync([Take(), new AtomicCreate(record, done => new JsonObject { ["used_after"] = done[0]!.Body["used"]!.DeepClone() })]);

        Assert.Equal(AtomicWriteOutcome.Committed, result.Outcome);
        Assert.Equal(5, result.Documents[0].Body["used"]!.GetValue<int>());
        Assert.Equal(5, (await store.GetAsync(record))!.Body["used_after"]!.GetValue<int>());
        Assert.Equal(5, (await store.GetAsync(Counter))!.Body["used"]!.GetValue<int>());
        var changes = (await store.ReadChangesAsync(before, 100)).Changes;
        Assert.Equal([(Counter, ChangeKind.Patched), (record, ChangeKind.Created)], changes.Select(c => (c.Key, c.Change)));
    }

    [Fact]
    public async Task A_write_that_cannot_be_applied_undoes_the_writes_before_it_and_is_named()
    {
        await store.CreateAsync(new NewDocument(Counter, new JsonObject { ["used"] = 0, ["limit"] = 5 }));
        var full = new DocumentKey("proj_1", "voucher", "camp_1", "full");
        await store.CreateAsync(new NewDocument(full, new JsonObject { ["used"] = 5, ["limit"] = 5 }));
        var taken = Record("taken");
        await store.CreateAsync(new NewDocument(taken, new JsonObject()));
        var before = (await store.ReadChangesAsync(null, 100)).Checkpoint;

        var guardFails = await store.WriteAtomicallyAsync([Take(), Take(full), Create(Record("a"))]);
        var missing = await store.WriteAtomicallyAsync([Take(), Create(Record("b")), Take(Counter with { Id = "nothing" })]);
        var conflict = await store.WriteAtomicallyAsync([Take(), Create(taken)]);

        Assert.Equal((AtomicWriteOutcome.ConditionFailed, 1), (guardFails.Outcome, guardFails.FailedAt));
        Assert.Equal((AtomicWriteOutcome.NotFound, 2), (missing.Outcome, missing.FailedAt));
        Assert.Equal((AtomicWriteOutcome.Conflict, 1), (conflict.Outcome, conflict.FailedAt));
        Assert.Equal(0, (await store.GetAsync(Counter))!.Body["used"]!.GetValue<int>());
        Assert.Null(await store.GetAsync(Record("a")));
        Assert.Null(await store.GetAsync(Record("b")));
        Assert.Empty((await store.ReadChangesAsync(before, 100)).Changes);
    }

    [Fact]
    public async Task Racing_transactions_never_take_more_than_the_limit_and_every_take_has_its_record()
    {
        await store.CreateAsync(new NewDocument(Counter, new JsonObject { ["used"] = 0, ["limit"] = 10 }));

        var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(() => store.WriteAtomicallyAsync([Take(), Create(Record($"r{i}"))]))));

        var records = await store.CountAsync(new DocumentQuery("proj_1", "redemption"));
        Assert.Equal(10, results.Count(r => r.Outcome == AtomicWriteOutcome.Committed));
        Assert.All(results.Where(r => r.Outcome != AtomicWriteOutcome.Committed), r => Assert.Equal((AtomicWriteOutcome.ConditionFailed, 0), (r.Outcome, r.FailedAt)));
        Assert.Equal(10, records);
        Assert.Equal(10, (await store.GetAsync(Counter))!.Body["used"]!.GetValue<int>());
    }

    private static DocumentKey Record(string id) => new("proj_1", "redemption", id, id);

    private static AtomicPatch Take(DocumentKey? key = null) =>
        new(key ?? Counter, [PatchOperation.Increment("used", 1)], [Condition.LessThanPath("used", "limit")]);

    private static AtomicCreate Create(DocumentKey key) => new(key, _ => new JsonObject { ["ok"] = true });
}
