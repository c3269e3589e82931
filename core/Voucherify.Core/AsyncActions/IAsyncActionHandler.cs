using System.Text.Json.Nodes;
using Voucherify.Core.Projects;

namespace Voucherify.Core.AsyncActions;

/// <summary>
/// Runs one type of action. Handlers must be resumable: after a crash the action runs again from
/// its payload, so each handler picks up where the stored state says it stopped.
/// </summary>
public interface IAsyncActionHandler
{
    string Type { get; }

    Task<JsonObject> RunAsync(Project project, JsonObject payload, IProgress<int> progress, CancellationToken cancellationToken);
}
