using System.Text.Json;
using System.Text.Json.Nodes;
using Voucherify.Core.Json;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Rules.Budgets;

/// <summary>
/// The counter moves of a redemption live in its stored record (not in the wire object), so a rollback, or recovery
/// finishing one, gives back exactly what the redemption took.
/// </summary>
public static class RuleCounterMoves
{
    public const string Path = "rule_counters";

    public static JsonObject Attach(JsonObject record, IReadOnlyList<CounterMove> moves)
    {
        if (moves.Count > 0)
        {
            record[Path] = DocumentJson.ToNode(moves);
        }

        return record;
    }

    public static IReadOnlyList<CounterMove> Of(StoredDocument? record) =>
        record?.Body[Path] is JsonArray array ? array.Deserialize<List<CounterMove>>(Wire.Options) ?? [] : [];
}
