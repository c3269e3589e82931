using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Builds one SQL expression that applies patch operations, in order, to the <c>body</c> column,
/// so the whole patch is part of a single conditional UPDATE.
/// </summary>
internal static class SqlitePatch
{
    public static string BodyExpression(IReadOnlyList<PatchOperation> operations, SqlParameters parameters)
    {
        var body = "body";
        foreach (var operation in operations)
        {
            body = operation switch
            {
                // json() marks the bound text as JSON, so strings, numbers, objects and null all land as what they are.
                SetOperation set => $"json_set({body}, {SqliteJsonPath.Literal(set.Path)}, json({parameters.Add(set.Value?.ToJsonString(SqliteDocumentStore.JsonOptions) ?? "null")}))",
                RemoveOperation remove => $"json_remove({body}, {SqliteJsonPath.Literal(remove.Path)})",
                // An increment reads the value it replaces; naming the intermediate body once in a
                // subquery keeps the SQL linear in the number of operations instead of doubling per increment.
                IncrementOperation increment => Increment(body, SqliteJsonPath.Literal(increment.Path), parameters.Add(increment.Delta)),
                null => throw new ArgumentNullException(nameof(operations)),
                _ => throw new NotSupportedException($"Patch operation {operation.GetType().Name} is not supported."),
            };
        }

        return body;
    }

    private static string Increment(string body, string path, string delta) =>
        $"(SELECT json_set(v, {path}, IFNULL(json_extract(v, {path}), 0) + {delta}) FROM (SELECT {body} AS v))";
}
