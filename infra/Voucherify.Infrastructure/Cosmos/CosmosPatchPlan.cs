using System.Text.Json.Nodes;
using Voucherify.Core.Storage;
using Voucherify.Infrastructure.Sqlite;
using CosmosPatch = Microsoft.Azure.Cosmos.PatchOperation;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Turns the port's patch operations into Cosmos DB patch operations for one known body. Cosmos
/// patch cannot create missing parents, fails to remove a missing path and fails to increment a
/// null, where the port's semantics are "create", "do nothing" and "start from 0"; so the plan
/// reads the body's shape, picks the Cosmos operation that has the port's effect on that shape,
/// and adds the shape it relied on to the filter predicate. If a concurrent write changed that
/// shape the filter fails, and the store re-plans on a fresh read; the caller's guard and the
/// write still happen in one server-side step.
/// </summary>
internal sealed class CosmosPatchPlan
{
    private readonly List<string> touched = [];

    private CosmosPatchPlan(JsonObject result)
    {
        Result = result;
    }

    public List<CosmosPatch> Operations { get; } = [];

    public List<CosmosPredicate> Assumptions { get; } = [];

    /// <summary>The body the operations make of the body the plan was made for.</summary>
    public JsonObject Result { get; }

    public static CosmosPatchPlan For(JsonObject body, IReadOnlyList<PatchOperation> operations)
    {
        var simulated = (JsonObject)body.DeepClone();
        var plan = new CosmosPatchPlan(simulated);
        foreach (var operation in operations)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
            SqliteJsonPath.Validate(operation.Path);
            if (operation.Path is DocumentTimestamps.CreatedAtPath or DocumentTimestamps.UpdatedAtPath)
            {
                // The store owns them; the SQLite store overwrites them after the patch, so a patch of them has no effect.
                continue;
            }

            plan.Add(simulated, operation);
            plan.touched.Add(operation.Path);
        }

        return plan;
    }

    private static string Pointer(string path) => "/b/" + path.Replace('.', '/');

    private void Add(JsonObject simulated, PatchOperation operation)
    {
        var segments = operation.Path.Split('.');
        for (var depth = 1; depth < segments.Length; depth++)
        {
            var prefix = string.Join('.', segments[..depth]);
            if (DocumentPaths.Get(simulated, prefix) is JsonObject)
            {
                continue;
            }

            if (operation is RemoveOperation)
            {
                Assume(operation.Path, CosmosPredicate.Function($"IS_DEFINED({CosmosSql.Field(operation.Path)})").Not());
                return;
            }

            // The first parent that is not an object (missing or null) is replaced by the nested objects the path needs.
            Assume(prefix, CosmosPredicate.Function($"IS_OBJECT({CosmosSql.Field(prefix)})").Not());
            var leaf = operation switch
            {
                SetOperation set => set.Value?.DeepClone(),
                IncrementOperation increment => JsonValue.Create(increment.Delta),
                _ => throw new NotSupportedException($"Patch operation {operation.GetType().Name} is not supported."),
            };
            for (var index = segments.Length - 1; index >= depth; index--)
            {
                leaf = new JsonObject { [segments[index]] = leaf };
            }

            SetSimulated(simulated, segments[..depth], leaf?.DeepClone());
            Operations.Add(CosmosPatch.Set<JsonNode?>(Pointer(prefix), leaf));
            return;
        }

        var parent = segments.Length > 1 ? string.Join('.', segments[..^1]) : null;
        if (parent is not null)
        {
            Assume(parent, CosmosPredicate.Function($"IS_OBJECT({CosmosSql.Field(parent)})"));
        }

        var current = DocumentPaths.Get(simulated, operation.Path);
        var container = (JsonObject)(parent is null ? simulated : DocumentPaths.Get(simulated, parent)!);
        var name = segments[^1];
        switch (operation)
        {
            case SetOperation set:
                container[name] = set.Value?.DeepClone();
                Operations.Add(CosmosPatch.Set<JsonNode?>(Pointer(operation.Path), set.Value?.DeepClone()));
                break;
            case IncrementOperation increment when current?.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                Assume(operation.Path, CosmosPredicate.Function($"IS_NUMBER({CosmosSql.Field(operation.Path)})"));
                // Through the JSON text: a value set earlier in this patch may hold any CLR number type, which GetValue refuses.
                // Whole numbers stay exact: the result may be written as the whole body (see CosmosDocumentStore.PatchAsync).
                var text = current.ToJsonString();
                container[name] = long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole)
                    ? JsonValue.Create(whole + increment.Delta)
                    : JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) + increment.Delta);
                Operations.Add(CosmosPatch.Increment(Pointer(operation.Path), increment.Delta));
                break;
            case IncrementOperation increment:
                Assume(operation.Path, CosmosSql.IsNullish(CosmosSql.Field(operation.Path)));
                container[name] = JsonValue.Create(increment.Delta);
                Operations.Add(CosmosPatch.Set<JsonNode?>(Pointer(operation.Path), JsonValue.Create(increment.Delta)));
                break;
            case RemoveOperation when container.ContainsKey(name):
                Assume(operation.Path, CosmosPredicate.Function($"IS_DEFINED({CosmosSql.Field(operation.Path)})"));
                container.Remove(name);
                Operations.Add(CosmosPatch.Remove(Pointer(operation.Path)));
                break;
            case RemoveOperation:
                Assume(operation.Path, CosmosPredicate.Function($"IS_DEFINED({CosmosSql.Field(operation.Path)})").Not());
                break;
            default:
                throw new NotSupportedException($"Patch operation {operation.GetType().Name} is not supported.");
        }
    }

    /// <summary>
    /// Records what the plan relied on about the stored body. A path an earlier operation of this
    /// patch wrote (or whose parent or child it wrote) has a shape the plan itself decided, so
    /// there is nothing to check in the stored body for it.
    /// </summary>
    private void Assume(string path, CosmosPredicate predicate)
    {
        if (touched.Any(earlier => Related(earlier, path)))
        {
            return;
        }

        Assumptions.Add(predicate);
    }

    private static bool Related(string a, string b) =>
        a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);

    private static void SetSimulated(JsonObject simulated, string[] segments, JsonNode? value)
    {
        var container = segments.Length == 1 ? simulated : (JsonObject)DocumentPaths.Get(simulated, string.Join('.', segments[..^1]))!;
        container[segments[^1]] = value;
    }
}
