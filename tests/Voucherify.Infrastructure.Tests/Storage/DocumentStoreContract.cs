using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must have. An implementation passes by
/// subclassing this and returning a fresh, empty store from <see cref="CreateStoreAsync"/>.
/// Each test works in a project of its own, so a store shared between tests would also do,
/// except for the change feed, which is read from the start and filtered to that project.
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private IDocumentStore? store;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected IDocumentStore Store => store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected string Project { get; } = "proj_" + Guid.NewGuid().ToString("N")[..12];

    public virtual async Task InitializeAsync() => store = await CreateStoreAsync(Clock);

    public virtual async Task DisposeAsync()
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>A store that takes every timestamp from <paramref name="clock"/>.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync(TimeProvider clock);

    protected DocumentKey Key(string id, string kind = "voucher", string partition = "p1", string? project = null) =>
        new(project ?? Project, kind, partition, id);

    protected static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    protected Task<StoredDocument> CreateAsync(string id, string json, string kind = "voucher", string partition = "p1") =>
        Store.CreateAsync(new NewDocument(Key(id, kind, partition), Json(json)));

    protected DocumentQuery Query(string kind = "voucher") => new(Project, kind);

    /// <summary>Compares a body with what the caller wrote, leaving out the timestamps the store adds.</summary>
    protected static void AssertBody(string expectedJson, JsonObject? actual)
    {
        Assert.NotNull(actual);
        var withoutTimestamps = actual.DeepClone().AsObject();
        withoutTimestamps.Remove(DocumentTimestamps.CreatedAtPath);
        withoutTimestamps.Remove(DocumentTimestamps.UpdatedAtPath);
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(
            JsonNode.DeepEquals(expected, withoutTimestamps),
            $"Expected {expected?.ToJsonString()} but was {withoutTimestamps.ToJsonString()}");
    }

    /// <summary>Every page of a query, following continuations until there is none.</summary>
    protected async Task<List<StoredDocument>> QueryAllAsync(DocumentQuery query)
    {
        var all = new List<StoredDocument>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryAsync(query with { Continuation = continuation });
            Assert.True(page.Items.Count <= query.PageSize, "A page holds at most PageSize documents.");
            all.AddRange(page.Items);
            continuation = page.Continuation;
            Assert.True(++pages <= 10_000, "Paging does not end.");
        }
        while (continuation is not null);

        return all;
    }

    protected async Task<List<string>> IdsAsync(params Condition[] where)
    {
        var documents = await QueryAllAsync(Query() with { Where = where, OrderBy = "name" });
        return documents.Select(document => document.Key.Id).ToList();
    }

    /// <summary>Starts every action at once on the thread pool, so they really race.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> action)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count)
            .Select(index => Task.Run(async () =>
            {
                await start.Task;
                return await action(index);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
