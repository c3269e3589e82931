using Microsoft.Data.Sqlite;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>Collects the values of a statement being built, so no value is ever spliced into SQL text.</summary>
internal sealed class SqlParameters
{
    private readonly List<(string Name, object Value)> values = [];

    /// <returns>The parameter's name, to write into the SQL text in place of the value.</returns>
    public string Add(object? value)
    {
        var name = "@p" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values.Add((name, value ?? DBNull.Value));
        return name;
    }

    public void CopyTo(SqliteCommand command)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
