using System.Text.Json.Nodes;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using Voucherify.Infrastructure.Tests.Threading;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// Writes made on <see cref="IdleThreads"/> (the change feed's handlers make theirs there): never committed from such a
/// thread, since a commit holds the one writer and every caller's write batched into it.
/// </summary>
public sealed class SqliteIdleThreadWritesTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_write_from_an_idle_thread_is_committed_from_the_pool_with_the_callers_writes_batched_beside_it()
    {
        using var store = new SqliteDocumentStore(new SqliteStoreOptions(folder.File("store.db")), TimeProvider.System);
        await store.CreateAsync(new NewDocument(Key("first"), new JsonObject()));

        // Writes from idle threads race writes from the pool (as requests make them), so batches hold both. A batch
        // committed on an idle thread would hold the writer for as long as that thread waits for a core.
        var fromIdle = Enumerable.Range(0, 200).Select(i => OnIdleThreads.RunAsync(async () =>
        {
            await store.CreateAsync(new NewDocument(Key($"idle{i}"), new JsonObject()));
            return IdleThreads.IsCurrentThread;
        }));
        var fromPool = Enumerable.Range(0, 200).Select(i => Task.Run(() => store.CreateAsync(new NewDocument(Key($"pool{i}"), new JsonObject()))));
        var idleAfterwards = await Task.WhenAll(fromIdle);
        await Task.WhenAll(fromPool);

        Assert.Equal(401, await store.CountAsync(new DocumentQuery("proj_1", "voucher")));
        Assert.Equal(0, store.BatchesOnIdleThreads);

        // The writers' own work goes on where it was, on the idle threads.
        Assert.All(idleAfterwards, Assert.True);
    }

    private static DocumentKey Key(string id) => new("proj_1", "voucher", "camp_1", id);
}
