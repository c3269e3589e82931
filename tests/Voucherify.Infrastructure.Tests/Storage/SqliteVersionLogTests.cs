using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>A document's earlier versions read from the SQLite change log: newest first, before a sequence, that document only.</summary>
public sealed class SqliteVersionLogTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly SqliteDocumentStore store;
    private readonly SqliteVersionLog log;

    public SqliteVersionLogTests()
    {
        store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
        log = new SqliteVersionLog(store);
    }

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_documents_versions_before_a_change_come_newest_first_with_their_bodies_and_nothing_of_other_documents()
    {
        var order = new DocumentKey("proj_1", "order", "ord_1", "ord_1");
        await store.CreateAsync(new NewDocument(order, new JsonObject { ["status"] = "CREATED" }));
        await store.CreateAsync(new NewDocument(new DocumentKey("proj_1", "order_source", "ord_1", "ord_1"), new JsonObject { ["status"] = "other kind" }));
        await store.CreateAsync(new NewDocument(new DocumentKey("proj_2", "order", "ord_1", "ord_1"), new JsonObject { ["status"] = "other project" }));
        await store.PatchAsync(order, [PatchOperation.Set("status", "PAID")]);
        await store.DeleteAsync(order);
        await store.CreateAsync(new NewDocument(order, new JsonObject { ["status"] = "FULFILLED" }));
        var logged = (await store.ReadChangesAsync(null, 100)).Changes.Where(change => change.Key == order).ToList();

        var beforeLast = await log.VersionsBeforeAsync(order, logged[^1].Sequence, default);
        var beforePatch = await log.VersionsBeforeAsync(order, logged[1].Sequence, default);

        Assert.Equal([ChangeKind.Deleted, ChangeKind.Patched, ChangeKind.Created], beforeLast.Select(change => change.Change));
        Assert.Equal(logged.Take(3).Reverse().Select(change => change.Sequence), beforeLast.Select(change => change.Sequence));
        Assert.Equal([null, "PAID", "CREATED"], beforeLast.Select(change => change.Body?["status"]?.GetValue<string>()));
        Assert.Equal(["CREATED"], beforePatch.Select(change => change.Body!["status"]!.GetValue<string>()));
        Assert.Empty(await log.VersionsBeforeAsync(order, logged[0].Sequence, default));
    }
}
