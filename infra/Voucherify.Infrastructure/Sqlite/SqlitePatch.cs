using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Builds one SQL expression that applies patch operations, in order, to the <c>body</c> column,
/// so the whole patch is part of a single conditional UPDATE. Paths are bound, so patches of one shape share one
/// compiled statement whatever record their paths name.
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
                SetOperation set => $"json_set({ParentsAsObjects(body, set.Path, parameters)}, {SqliteJsonPath.Bound(set.Path, parameters)}, json({parameters.Add(set.Value?.ToJsonString(SqliteDocumentStore.JsonOptions) ?? "null")}))",
                RemoveOperation remove => $"json_remove({body}, {SqliteJsonPath.Bound(remove.Path, parameters)})",
                IncrementOperation increment => Increment(ParentsAsObjects(body, increment.Path, parameters), SqliteJsonPath.Bound(increment.Path, parameters), parameters.Add(increment.Delta)),
                null => throw new ArgumentNullException(nameof(operations)),
                _ => throw new NotSupportedException($"Patch operation {operation.GetType().Name} is not supported."),
            };
        }

        return body;
    }

    // An expression that needs the value it replaces names the intermediate body once, in a
    // subquery, so the SQL grows linearly with the operations instead of doubling at each one.
    private static string Increment(string body, string path, string delta) =>
        $"(SELECT json_set(v, {path}, IFNULL(json_extract(v, {path}), 0) + {delta}) FROM (SELECT {body} AS v))";

    /// <summary>
    /// json_set creates missing parents but leaves a path alone when a parent is JSON null; null
    /// means missing everywhere else in the store, so a null parent becomes an empty object first.
    /// </summary>
    private static string ParentsAsObjects(string body, string path, SqlParameters parameters)
    {
        SqliteJsonPath.Validate(path);
        for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
        {
            var parent = SqliteJsonPath.Bound(path[..dot], parameters);
            body = $"(SELECT CASE WHEN json_type(v, {parent}) = 'null' THEN json_set(v, {parent}, json('{{}}')) ELSE v END FROM (SELECT {body} AS v))";
        }

        return body;
    }
}
