using System.Text.Json.Nodes;
using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>
/// What every store's change feed promises handlers, run on each store by a subclass: every committed change,
/// deletes included, reaches every handler that wants it at least once and in its document's order; handlers'
/// effects are those of one delivery however often a change comes; failures are retried with back-off and
/// parked without blocking; a processor stopped mid-stream resumes from its checkpoint on a reopened store.
/// </summary>
public abstract class ChangeFeedProcessorContract : IAsyncLifetime
{
    private const string Project = "proj_test";

    private FeedFixture? fixture;

    private FeedFixture feed => fixture ?? throw new InvalidOperationException("Created in InitializeAsync.");

    public Task InitializeAsync()
    {
        fixture = CreateFeed();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (fixture is not null)
        {
            await fixture.DisposeAsync();
        }
    }

    protected abstract FeedFixture CreateFeed();

    [Fact]
    public async Task Every_write_reaches_every_handler_in_its_documents_order_deletes_included()
    {
        for (var i = 0; i < 3; i++)
        {
            await feed.CreateAsync(Project, "thing", $"t{i}", new JsonObject { ["n"] = 0 });
            await feed.CreateAsync(Project, "other", $"o{i}", new JsonObject());
        }

        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                await feed.Store.PatchAsync(new DocumentKey(Project, "thing", $"t{i}", $"t{i}"), [PatchOperation.Increment("n", 1)]);
            }
        }

        var replaced = await feed.Store.ReplaceAsync(new NewDocument(new DocumentKey(Project, "thing", "t1", "t1"), new JsonObject { ["n"] = 10 }), null);
        await feed.Store.DeleteAsync(new DocumentKey(Project, "thing", "t0", "t0"));
        var first = new RecordingHandler("first", "thing", feed.Clock);
        var second = new RecordingHandler("second", "thing", feed.Clock);
        await using var processor = feed.Processor(first, second);
        await processor.StartAsync(CancellationToken.None);

        await feed.UntilAsync(() => CaughtUp(first) && CaughtUp(second));
        await processor.StopAsync(CancellationToken.None);

        foreach (var handler in new[] { first, second })
        {
            Assert.All(handler.Delivered, change => Assert.Equal("thing", change.Key.Kind));
            var byThing = handler.Delivered.GroupBy(c => c.Key.Id).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(["t0", "t1", "t2"], byThing.Keys.Order());
            foreach (var history in byThing.Values)
            {
                Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "A document's changes come in order.");
                var values = history.Where(c => c.Body is not null).Select(c => c.Body!["n"]!.GetValue<int>()).ToList();
                Assert.True(values.Zip(values.Skip(1)).All(pair => pair.First < pair.Second), "Versions come oldest first.");
            }

            var t0 = byThing["t0"];
            Assert.Equal(ChangeKind.Deleted, t0[^1].Change);
            Assert.Null(t0[^1].Body);
            var t1 = byThing["t1"][^1];
            Assert.Equal(ChangeKind.Replaced, t1.Change);
            Assert.Equal(replaced!.ETag, t1.ETag);
            Assert.Equal(ChangeKind.Patched, byThing["t2"][^1].Change);
            if (feed.KeepsEveryVersion)
            {
                Assert.Equal([0, 1, 2, 3, 4], byThing["t2"].Select(c => c.Body!["n"]!.GetValue<int>()));
                Assert.Equal([0, 1, 2, 3, 4, 10], byThing["t1"].Select(c => c.Body!["n"]!.GetValue<int>()));
                Assert.Equal([ChangeKind.Created, .. Enumerable.Repeat(ChangeKind.Patched, 4), ChangeKind.Deleted], t0.Select(c => c.Change));
            }
        }
    }

    [Fact]
    public async Task Redelivered_changes_leave_the_effects_of_one_delivery()
    {
        await WriteRedemptionsAsync(12, customers: 3);
        await feed.CreateAsync(Project, "redemption", "rf_x", Record("rf_x", "redemption", "FAILURE", "cust_0"));
        await feed.CreateAsync(Project, "redemption", "rr_x", Record("rr_x", "redemption_rollback", "SUCCESS", "cust_0"));
        await feed.Store.PatchAsync(new DocumentKey(Project, "redemption", "r_00", "r_00"), [PatchOperation.Set("status", "ROLLED_BACK")]);

        var summary = new TapHandler(new CustomerSummaryHandler(feed.Store, feed.Order));
        var audit = new TapHandler(new AuditTrailHandler(feed.Store));
        await using (var processor = feed.Processor(summary, audit))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => await TotalRedeemedAsync(3) == 13 && Saw(audit, "r_00", "ROLLED_BACK") && Saw(audit, "rr_x"));
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        // The writes were all there before the processor started: the feed hands them over in batches, one call each.
        Assert.True(summary.Batches > 0 && audit.Batches > 0, "Batch handlers got batches.");
        var before = await SummaryAsync("cust_0");
        var auditEntries = await AuditCountAsync();
        Assert.Equal(audit.Delivered.Count(c => c.Key.ProjectId == Project), auditEntries);

        // Redeliver everything: once by hand, once more by processors that lost their checkpoints.
        foreach (var tap in new[] { summary, audit })
        {
            foreach (var change in tap.Delivered.ToList())
            {
                await tap.Inner.HandleAsync(change, CancellationToken.None);
            }
        }

        var seenBySummary = summary.Delivered.Select(c => c.Key).ToHashSet();
        var seenByAudit = audit.Delivered.Where(c => c.Key.ProjectId == Project).Select(c => c.Key).ToHashSet();
        await feed.ForgetProgressAsync(summary.Name);
        await feed.ForgetProgressAsync(audit.Name);
        var again = new[] { new TapHandler(summary.Inner), new TapHandler(audit.Inner) };
        await using (var processor = feed.Processor(again))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() =>
                seenBySummary.IsSubsetOf(again[0].Delivered.Select(c => c.Key)) && seenByAudit.IsSubsetOf(again[1].Delivered.Select(c => c.Key)));
            await processor.StopAsync(CancellationToken.None);
        }

        var after = await SummaryAsync("cust_0");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(5, after["total_redeemed"]!.GetValue<long>()); // r_00, r_03, r_06, r_09 and rf_x
        Assert.Equal(4, after["total_succeeded"]!.GetValue<long>());
        Assert.Equal(1, after["total_failed"]!.GetValue<long>());
        Assert.Equal(1, after["total_rolled_back"]!.GetValue<long>());
        Assert.Equal(1, after["total_rollback_succeeded"]!.GetValue<long>());
        Assert.Equal(0, after["total_rollback_failed"]!.GetValue<long>());
        Assert.Equal(auditEntries, await AuditCountAsync());
    }

    [Fact]
    public async Task A_handler_of_a_rare_kind_gets_each_of_its_changes_once_among_many_it_does_not_want()
    {
        // Several batches of other kinds around each wanted change: the loop passes over them without stopping, and a
        // restart resumes after them rather than reading them again.
        var things = new[] { "t0", "t1" };
        for (var i = 0; i < 60; i++)
        {
            await feed.CreateAsync(Project, "other", $"o{i}", new JsonObject());
            if (i % 30 == 29)
            {
                await feed.CreateAsync(Project, "thing", things[i / 30], new JsonObject { ["n"] = i });
            }
        }

        var rare = new RecordingHandler("rare", "thing", feed.Clock);
        await using (var processor = feed.Processor(rare))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => rare.Delivered.Count == 2);
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(things, rare.Delivered.Select(change => change.Key.Id));
        Assert.Equal([29, 59], rare.Delivered.Select(change => change.Body!["n"]!.GetValue<int>()));

        await feed.CreateAsync(Project, "thing", "t2", new JsonObject { ["n"] = 60 });
        var resumed = new RecordingHandler("rare", "thing", feed.Clock);
        await using (var processor = feed.Processor(resumed))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => resumed.Delivered.Any(change => change.Key.Id == "t2"));
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["t2"], resumed.Delivered.Select(change => change.Key.Id));
    }

    [Fact]
    public async Task A_failing_change_is_retried_with_back_off_then_parked_without_blocking()
    {
        var failing = new RecordingHandler("failing", "thing", feed.Clock);
        var healthy = new RecordingHandler("healthy", "thing", feed.Clock);
        failing.FailOn["bad"] = true;
        foreach (var id in new[] { "good1", "bad", "good2", "good3" })
        {
            await feed.CreateAsync(Project, "thing", id, new JsonObject());
        }

        await using (var processor = feed.Processor(failing, healthy))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => healthy.Delivered.Count == 4);
            Assert.DoesNotContain(failing.Delivered, c => c.Key.Id == "good2"); // still backing off on "bad"

            await feed.UntilAsync(() => failing.Delivered.Count == 3);
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["good1", "good2", "good3"], failing.Delivered.Select(c => c.Key.Id));
        var attempts = failing.Attempts.Where(a => a.Key.Id == "bad").Select(a => a.At).ToList();
        Assert.Equal(4, attempts.Count);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        foreach (var (gap, expected) in gaps.Zip(new[] { 1, 2, 4 }))
        {
            Assert.InRange(gap, TimeSpan.FromSeconds(expected), TimeSpan.FromSeconds(expected + 0.5));
        }

        var parked = Assert.Single(await feed.Parked.ListAsync("failing", CancellationToken.None));
        Assert.Equal("bad", parked.DocumentId);
        Assert.Equal(4, parked.Attempts);
        Assert.Contains("cannot handle bad", parked.ErrorMessage);
        Assert.Equal(ChangeKind.Created, parked.Change);
        Assert.Empty(await feed.Parked.ListAsync("healthy", CancellationToken.None));

        // Parked means done: a restart goes on after it rather than trying it again.
        await feed.CreateAsync(Project, "thing", "good4", new JsonObject());
        await using (var processor = feed.Processor(failing, healthy))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => failing.Delivered.Count == 4);
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(4, failing.Attempts.Count(a => a.Key.Id == "bad"));
    }

    [Fact]
    public async Task A_processor_stopped_mid_stream_resumes_on_the_reopened_store_without_loss_or_double_counting()
    {
        await WriteRedemptionsAsync(60, customers: 5);
        var recorder = new RecordingHandler("recorder", "redemption", feed.Clock);
        var held = new TaskCompletionSource();
        recorder.HoldOn["r_30"] = held;
        await using (var processor = feed.Processor(recorder, new CustomerSummaryHandler(feed.Store, feed.Order)))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => recorder.Attempts.Any(a => a.Key.Id == "r_30"));
            await processor.StopAsync(CancellationToken.None); // cancels the change in flight
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(Id), recorder.Delivered.Select(c => c.Key.Id));
        await feed.ReopenAsync();

        var resumed = new RecordingHandler("recorder", "redemption", feed.Clock);
        await using (var processor = feed.Processor(resumed, new CustomerSummaryHandler(feed.Store, feed.Order)))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => resumed.Delivered.Any(c => c.Key.Id == "r_59") && await TotalRedeemedAsync(5) == 60);
            await processor.StopAsync(CancellationToken.None);
        }

        // It resumes from its checkpoint: the change in flight and at most the rest of its batch come again, nothing is skipped.
        var ids = resumed.Delivered.Select(c => c.Key.Id).ToList();
        var from = int.Parse(ids[0][2..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(from, 30 - feed.Options.BatchSize + 1, 30);
        Assert.Equal(Enumerable.Range(from, 60 - from).Select(Id), ids);
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(12, (await SummaryAsync($"cust_{c}"))["total_succeeded"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Order_summaries_across_batches_a_restart_and_a_redelivery_from_the_start_count_each_order_by_its_latest_state()
    {
        // 20 PAID orders of two customers, created in one instant (the last order is then the greatest id).
        for (var i = 0; i < 20; i++)
        {
            await feed.CreateAsync(Project, "order", $"o_{i:00}", new JsonObject { ["status"] = "PAID", ["amount"] = 100 * (i + 1), ["customer_id"] = $"cust_{i % 2}" });
        }

        var summary = new TapHandler(new CustomerOrderSummaryHandler(feed.Store, feed.Order));
        await using (var processor = feed.Processor(summary))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => (await OrdersAsync("cust_0"))?["total_count"]?.GetValue<long>() == 10 && (await OrdersAsync("cust_1"))?["total_count"]?.GetValue<long>() == 10);
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        // Later versions of orders counted in earlier batches: both customers' last orders and two more are canceled, one
        // is discounted. On SQLite each takes out what the order's version in the log added.
        foreach (var id in new[] { "o_00", "o_03", "o_18", "o_19" })
        {
            await feed.Store.PatchAsync(new DocumentKey(Project, "order", id, id), [PatchOperation.Set("status", "CANCELED")]);
        }

        await feed.Store.PatchAsync(new DocumentKey(Project, "order", "o_04", "o_04"), [PatchOperation.Set("total_amount", 50)]);
        await feed.ReopenAsync();
        summary = new TapHandler(new CustomerOrderSummaryHandler(feed.Store, feed.Order));
        await using (var processor = feed.Processor(summary))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => (await OrdersAsync("cust_0"))?["total_amount"]?.GetValue<long>() == Expected(0).Total && (await OrdersAsync("cust_1"))?["total_count"]?.GetValue<long>() == 8);
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        await AssertOrderSummariesAsync();

        // Everything again from the start of the feed: nothing changes.
        await feed.ForgetProgressAsync(CustomerOrderSummaryHandler.HandlerName);
        var again = new TapHandler(summary.Inner);
        await using (var processor = feed.Processor(again))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => Enumerable.Range(0, 20).All(i => again.Delivered.Any(c => c.Key.Id == $"o_{i:00}")) && Saw(again, "o_04") && again.Delivered.Any(c => c.Key.Id == "o_19" && c.Body?["status"]?.GetValue<string>() == "CANCELED"));
            await feed.SettleAsync();
            await processor.StopAsync(CancellationToken.None);
        }

        await AssertOrderSummariesAsync();

        async Task AssertOrderSummariesAsync()
        {
            for (var c = 0; c < 2; c++)
            {
                var orders = (await OrdersAsync($"cust_{c}"))!;
                var (total, count, last) = Expected(c);
                Assert.Equal((total, count, total / count, last), (orders["total_amount"]!.GetValue<long>(), orders["total_count"]!.GetValue<long>(), orders["average_amount"]!.GetValue<long>(), orders["last_order_amount"]!.GetValue<long>()));
            }
        }

        // The orders' latest state: o_00, o_03, o_18 and o_19 canceled, o_04 paying 50.
        static (long Total, long Count, long Last) Expected(int customer)
        {
            var counting = Enumerable.Range(0, 20).Where(i => i % 2 == customer && i is not (0 or 3 or 18 or 19)).ToList();
            return (counting.Sum(i => i == 4 ? 50 : 100L * (i + 1)), counting.Count, counting.Max() == 4 ? 50 : 100L * (counting.Max() + 1));
        }
    }

    [Fact]
    public async Task An_order_version_parked_for_the_order_summary_is_not_taken_out_by_the_next_version()
    {
        var order = new DocumentKey(Project, "order", "o_p", "o_p");
        await feed.CreateAsync(Project, "order", "o_p", new JsonObject { ["status"] = "PAID", ["amount"] = 1000, ["customer_id"] = "cust_0" });
        await feed.Store.PatchAsync(order, [PatchOperation.Set("total_amount", 3000)]);
        await feed.Store.PatchAsync(order, [PatchOperation.Set("status", "CANCELED")]);

        var summary = new TapHandler(new CustomerOrderSummaryHandler(feed.Store, feed.Order))
        {
            FailsOn = change => change.Body?["total_amount"]?.GetValue<int>() == 3000 && change.Body["status"]!.GetValue<string>() == "PAID",
        };
        await using (var processor = feed.Processor(summary))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => Saw(summary, "o_p", "CANCELED"));
            await processor.StopAsync(CancellationToken.None);
        }

        // Every version reaches the handler on SQLite, so the version it failed on is parked there, unapplied; the
        // cancellation takes out what the first version added. Cosmos DB may fold the versions into the last.
        if (feed.KeepsEveryVersion)
        {
            Assert.Single(await feed.Parked.ListAsync(CustomerOrderSummaryHandler.HandlerName, CancellationToken.None));
        }

        // Folded into the cancellation alone, the order never counted, and the customer has no summary document.
        var orders = await OrdersAsync("cust_0");
        Assert.Equal((0L, 0L, 0L), orders is null ? (0L, 0L, 0L) : (orders["total_amount"]!.GetValue<long>(), orders["total_count"]!.GetValue<long>(), orders["last_order_amount"]!.GetValue<long>()));
    }

    private static string Id(int i) => $"r_{i:00}";

    private static bool CaughtUp(RecordingHandler handler)
    {
        var last = handler.Delivered.GroupBy(c => c.Key.Id).ToDictionary(g => g.Key, g => g.Last());
        return last.TryGetValue("t0", out var t0) && t0.Change == ChangeKind.Deleted
            && last.TryGetValue("t1", out var t1) && t1.Body?["n"]?.GetValue<int>() == 10
            && last.TryGetValue("t2", out var t2) && t2.Body?["n"]?.GetValue<int>() == 4;
    }

    private static bool Saw(TapHandler tap, string id, string? status = null) =>
        tap.Delivered.Any(c => c.Key.Id == id && (status is null || c.Body?["status"]?.GetValue<string>() == status));

    private static JsonObject Record(string id, string type, string result, string customer) => new()
    {
        ["id"] = id,
        ["object"] = type,
        ["result"] = result,
        ["status"] = result == "SUCCESS" ? "SUCCEEDED" : "FAILED",
        ["customer_id"] = customer,
    };

    private async Task WriteRedemptionsAsync(int count, int customers)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Id(i);
            await feed.CreateAsync(Project, "redemption", id, Record(id, "redemption", "SUCCESS", $"cust_{i % customers}"));
        }
    }

    private async Task<JsonObject> SummaryAsync(string customer) => (await SummarySectionAsync(customer, "redemptions"))!;

    private Task<JsonObject?> OrdersAsync(string customer) => SummarySectionAsync(customer, "orders");

    /// <summary>One section of the customer's summary document; null while the customer has none.</summary>
    private async Task<JsonObject?> SummarySectionAsync(string customer, string section) =>
        (await feed.Store.GetAsync(CustomerSummaryKeys.For(Project, customer)))?.Body["summary"]![section]!.AsObject();

    private async Task<long> TotalRedeemedAsync(int customers)
    {
        long total = 0;
        for (var c = 0; c < customers; c++)
        {
            var document = await feed.Store.GetAsync(CustomerSummaryKeys.For(Project, $"cust_{c}"));
            total += document?.Body["summary"]!["redemptions"]!["total_redeemed"]!.GetValue<long>() ?? 0;
        }

        return total;
    }

    private Task<long> AuditCountAsync() => feed.Store.CountAsync(new DocumentQuery(Project, AuditKeys.Kind));
}
