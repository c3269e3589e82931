using System.Diagnostics;
using System.Text.Json.Nodes;
using Voucherify.Core.Errors;
using Voucherify.Core.Ids;
using Voucherify.Core.Json;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.AsyncActions;

/// <summary>Creates, runs and reports asynchronous actions.</summary>
public sealed class AsyncActionService(IDocumentStore store, IAsyncActionQueue queue, IEnumerable<IAsyncActionHandler> handlers, IProjectDirectory projects, TimeProvider clock)
{
    private readonly Dictionary<string, IAsyncActionHandler> handlersByType = handlers.ToDictionary(h => h.Type);

    public async Task<AsyncAction> StartAsync(Project project, string type, JsonObject payload, string? requestId, CancellationToken cancellationToken)
    {
        var action = new AsyncAction { Id = IdGenerator.New(IdPrefixes.AsyncAction, 18), Type = type, RequestId = requestId, CreatedAt = clock.GetUtcNow() };
        var body = DocumentJson.ToBody(action);
        body[AsyncActionKeys.PayloadPath] = payload;
        await store.CreateAsync(new NewDocument(AsyncActionKeys.For(project.Id, action.Id), body), cancellationToken);
        await queue.EnqueueAsync(project.Id, action.Id, cancellationToken);
        return action;
    }

    public async Task<AsyncAction> GetAsync(Project project, string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(AsyncActionKeys.For(project.Id, id), cancellationToken) ?? throw Problems.NotFound("async_action", id);
        return document.Read<AsyncAction>();
    }

    public async Task<IReadOnlyList<AsyncAction>> ListAsync(Project project, int limit, DateTimeOffset? endDate, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(project.Id, AsyncActionKeys.Kind)
        {
            Where = endDate is { } end ? [Condition.Less("created_at", Timestamps.Format(end))] : [],
            Descending = true,
            PageSize = limit,
        };
        var page = await store.QueryAsync(query, cancellationToken);
        return page.Items.Select(d => d.Read<AsyncAction>()).ToList();
    }

    /// <summary>Runs a stored action to its end; called by the worker, again after a restart if it was cut short.</summary>
    public async Task RunAsync(string projectId, string actionId, CancellationToken cancellationToken)
    {
        var key = AsyncActionKeys.For(projectId, actionId);
        var document = await store.GetAsync(key, cancellationToken);
        var project = projects.Find(projectId);
        if (document is null || project is null)
        {
            return;
        }

        var action = document.Read<AsyncAction>();
        if (action.Status is AsyncActionStatuses.Done or AsyncActionStatuses.Failed)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await SetAsync(key, [PatchOperation.Set("status", AsyncActionStatuses.InProgress)], cancellationToken);
        var progress = new StoredProgress(store, key);
        try
        {
            var handler = handlersByType.GetValueOrDefault(action.Type) ?? throw new InvalidOperationException($"No handler for {action.Type}.");
            var payload = document.Body[AsyncActionKeys.PayloadPath] as JsonObject ?? [];
            var result = await handler.RunAsync(project, payload, progress, cancellationToken);
            await FinishAsync(key, AsyncActionStatuses.Done, result, watch, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var result = new JsonObject { ["message"] = exception is ApiException api ? api.Error.Details ?? api.Error.Message : "The action failed." };
            await FinishAsync(key, AsyncActionStatuses.Failed, result, watch, CancellationToken.None);
        }
    }

    /// <summary>Actions a crash or restart left unfinished, to run again.</summary>
    public async Task<IReadOnlyList<string>> UnfinishedAsync(Project project, CancellationToken cancellationToken)
    {
        var query = new DocumentQuery(project.Id, AsyncActionKeys.Kind)
        {
            Where = [Condition.In("status", [AsyncActionStatuses.Enqueued, AsyncActionStatuses.InProgress])],
            PageSize = 1000,
        };
        var page = await store.QueryAsync(query, cancellationToken);
        return page.Items.Select(d => d.Key.Id).ToList();
    }

    private Task FinishAsync(DocumentKey key, string status, JsonObject result, Stopwatch watch, CancellationToken cancellationToken) =>
        SetAsync(
            key,
            [
                PatchOperation.Set("status", status),
                PatchOperation.Set("result", result),
                PatchOperation.Set("progress", 100),
                PatchOperation.Set("processing_time", watch.ElapsedMilliseconds),
            ],
            cancellationToken);

    private Task SetAsync(DocumentKey key, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken) =>
        store.PatchAsync(key, operations, null, cancellationToken);
}
