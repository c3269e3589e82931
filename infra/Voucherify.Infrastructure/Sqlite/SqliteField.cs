using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// The SQL expressions for a body path's value and its JSON type. The store-owned timestamps are
/// also columns (equal to the body's copy by construction), so filters and ordering on them use the indexes.
/// </summary>
internal readonly record struct SqliteField(string Value, string Type)
{
    public static SqliteField For(string path)
    {
        if (path == DocumentTimestamps.CreatedAtPath)
        {
            return new("created_at", "'text'");
        }

        if (path == DocumentTimestamps.UpdatedAtPath)
        {
            return new("updated_at", "'text'");
        }

        var literal = SqliteJsonPath.Literal(path);
        return new($"json_extract(body, {literal})", $"json_type(body, {literal})");
    }
}
