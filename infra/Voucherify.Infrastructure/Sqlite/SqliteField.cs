using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The SQL expressions for a body path's value and its JSON type. The store-owned timestamps are
/// also columns (equal to the body's copy by construction), so filters and ordering on them use the indexes.
/// </summary>
internal readonly record struct SqliteField(string Value, string Type)
{
    /// <param name="boundPaths">
    /// Where to bind the path as a parameter; null writes it as a literal, which a query needs to match an expression index.
    /// </param>
    public static SqliteField For(string path, SqlParameters? boundPaths = null)
    {
        if (path == DocumentTimestamps.CreatedAtPath)
        {
            return new("created_at", "'text'");
        }

        if (path == DocumentTimestamps.UpdatedAtPath)
        {
            return new("updated_at", "'text'");
        }

        var literal = boundPaths is null ? SqliteJsonPath.Literal(path) : SqliteJsonPath.Bound(path, boundPaths);
        return new($"json_extract(body, {literal})", $"json_type(body, {literal})");
    }
}
