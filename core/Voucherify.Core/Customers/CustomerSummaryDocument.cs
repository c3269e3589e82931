using System.Text.Json.Nodes;
using Voucherify.Core.Json;

namespace Voucherify.Core.Customers;

/// <summary>
/// The stored summary: the contract's <c>summary</c> object as it will be served, the customer's ids, and what makes
/// counting idempotent. On a feed of every version in one order that is the sequence of the last record counted
/// (<c>counted_through</c>): a change at or below it was counted. Otherwise it is the ids of the records most recently
/// counted: a redelivered record is found there and counted no second time. The list is bounded; redelivery only ever
/// repeats the recent tail of the feed (what came after the last checkpoint), far fewer records per customer than kept.
/// Orders change (status, amounts) so they are kept differently, see <see cref="CustomerOrderSummary"/>.
/// </summary>
public static class CustomerSummaryDocument
{
    public const int RememberedRecords = 1000;

    private const string CountedRecords = "counted_records";

    private const string CountedThrough = "counted_through";

    /// <param name="inOrder">Whether the feed delivers every version in one order (no list of counted ids then).</param>
    public static JsonObject New(string customerKey, string? customerId, string? sourceId, bool inOrder = false)
    {
        var summary = new JsonObject
        {
            ["id"] = customerKey,
            ["customer_id"] = customerId,
            ["source_id"] = sourceId,
            ["summary"] = EmptySummary(),
        };
        if (inOrder)
        {
            summary[CountedThrough] = 0;
        }
        else
        {
            summary[CountedRecords] = new JsonArray();
        }

        return summary;
    }

    /// <summary>The contract's summary of a customer nothing has been counted for yet.</summary>
    public static JsonObject EmptySummary() => new()
    {
        ["redemptions"] = new JsonObject
        {
            ["total_redeemed"] = 0,
            ["total_failed"] = 0,
            ["total_succeeded"] = 0,
            ["total_rolled_back"] = 0,
            ["total_rollback_failed"] = 0,
            ["total_rollback_succeeded"] = 0,
            ["gift"] = new JsonObject { ["redeemed_amount"] = 0, ["amount_to_go"] = 0 },
            ["loyalty_card"] = new JsonObject { ["redeemed_points"] = 0, ["points_to_go"] = 0 },
        },
        ["orders"] = CustomerOrderSummary.Empty(),
    };

    /// <summary>
    /// Adds to <paramref name="body"/>, and remembers, every tally whose record it has not counted (a record named twice
    /// counts once) and returns it; null, with the body unchanged, when it has counted them all. One lookup set per
    /// call however many tallies: a batch holds many records of a busy customer.
    /// </summary>
    public static JsonObject? AddUncounted(JsonObject body, IEnumerable<RedemptionTally> tallies)
    {
        var known = (body[CountedRecords] as JsonArray ?? [])
            .Select(node => node?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var uncounted = tallies.Where(tally => known.Add(tally.RecordId)).ToList();
        if (uncounted.Count == 0)
        {
            return null;
        }

        var counted = body[CountedRecords] as JsonArray ?? [];
        body[CountedRecords] = counted;
        foreach (var tally in uncounted)
        {
            Add(body, tally);
            counted.Add(tally.RecordId);
        }

        if (counted.Count > RememberedRecords)
        {
            counted.RemoveRange(0, counted.Count - RememberedRecords);
        }

        return body;
    }

    /// <summary>
    /// Adds to <paramref name="body"/> every tally whose change comes after the last one counted, and moves that mark to
    /// the last of them; null, with the body unchanged, when there is none. For a feed of every version in one order:
    /// all its changes up to the mark were counted, since each summary write counts a customer's changes of a batch.
    /// </summary>
    public static JsonObject? AddAfterCounted(JsonObject body, IEnumerable<(RedemptionTally Tally, long Sequence)> tallies)
    {
        var through = JsonNumber.LongOrZero(body[CountedThrough]);
        var uncounted = tallies.Where(item => item.Sequence > through).ToList();
        if (uncounted.Count == 0)
        {
            return null;
        }

        foreach (var (tally, _) in uncounted)
        {
            Add(body, tally);
        }

        body[CountedThrough] = uncounted.Max(item => item.Sequence);

        // A summary written before its store said the feed is in order drops the ids it no longer reads.
        body.Remove(CountedRecords);
        return body;
    }

    private static void Add(JsonObject next, RedemptionTally tally)
    {
        var redemptions = next["summary"]!["redemptions"]!.AsObject();
        Increment(redemptions, "total_redeemed", tally.Redeemed);
        Increment(redemptions, "total_failed", tally.Failed);
        Increment(redemptions, "total_succeeded", tally.Succeeded);
        Increment(redemptions, "total_rolled_back", tally.RolledBack);
        Increment(redemptions, "total_rollback_failed", tally.RollbackFailed);
        Increment(redemptions, "total_rollback_succeeded", tally.RollbackSucceeded);
        Increment(redemptions["gift"]!.AsObject(), "redeemed_amount", tally.GiftRedeemedAmount);

        // A customer first seen by source id keeps it when a later record names the id too, and the other way round.
        next["customer_id"] ??= tally.CustomerId;
        next["source_id"] ??= tally.SourceId;
    }

    private static void Increment(JsonObject node, string name, long delta) =>
        node[name] = checked(JsonNumber.LongOrZero(node[name]) + delta);
}
