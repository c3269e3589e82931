using System.Buffers;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// Turns a dotted body path into a SQLite JSON path literal. Paths end up inside SQL text (a JSON
/// path cannot be an index-friendly parameter everywhere), so the alphabet is closed: a segment is
/// ASCII letters, digits and underscores, which can neither end the literal nor change the path.
/// </summary>
internal static class SqliteJsonPath
{
    private static readonly SearchValues<char> SegmentCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <returns>A quoted SQL literal such as <c>'$.redemption.quantity'</c>.</returns>
    public static string Literal(string path)
    {
        Validate(path);
        return $"'$.{path}'";
    }

    /// <summary>
    /// The path as a bound parameter. Patches name per-record paths (a pending use keyed by its record id), and a
    /// literal would make every such statement new SQL: compiled again each time, and crowding the statement cache.
    /// </summary>
    public static string Bound(string path, SqlParameters parameters)
    {
        Validate(path);
        return parameters.Add("$." + path);
    }

    public static void Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var range in path.AsSpan().Split('.'))
        {
            var segment = path.AsSpan()[range];
            if (segment.IsEmpty || segment.ContainsAnyExcept(SegmentCharacters))
            {
                throw new ArgumentException(
                    $"Path '{path}' is not a dotted path of letters, digits and underscores.", nameof(path));
            }
        }
    }
}
