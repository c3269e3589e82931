using System.Text.Json.Nodes;
using Voucherify.Core.Audit;
using Voucherify.Core.ChangeFeed;
using Voucherify.Core.Customers;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.ChangeFeed;

/// <summary>The polling processor on a real SQLite file: delivery order, idempotent effects, retries, parking, restarts.</summary>
public sealed class ChangeFeedProcessorTests : IAsyncLifetime
{
    private const string Project = "proj_test";

    private readonly FeedFixture feed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await feed.DisposeAsync();

    [Fact]
    public async Task Every_wanted_change_reaches_every_handler_in_commit_order()
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

        var expected = (await feed.Store.ReadChangesAsync(null, 1000)).Changes.Where(c => c.Key.Kind == "thing").Select(c => c.Sequence).ToList();
        var first = new RecordingHandler("first", "thing", feed.Clock);
        var second = new RecordingHandler("second", "thing", feed.Clock);
        await using var processor = feed.Processor(first, second);
        await processor.StartAsync(CancellationToken.None);

        await feed.UntilAsync(() => first.Delivered.Count >= expected.Count && second.Delivered.Count >= expected.Count);
        await processor.StopAsync(CancellationToken.None);

        Assert.Equal(expected, first.Delivered.Select(c => c.Sequence));
        Assert.Equal(expected, second.Delivered.Select(c => c.Sequence));
        foreach (var thing in first.Delivered.GroupBy(c => c.Key.Id))
        {
            Assert.Equal([0, 1, 2, 3, 4], thing.Select(c => c.Body!["n"]!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task Redelivered_changes_leave_the_effects_of_one_delivery()
    {
        await WriteRedemptionsAsync(12, customers: 3);
        await feed.CreateAsync(Project, "redemption", "rf_x", Record("rf_x", "redemption", "FAILURE", "cust_0"));
        await feed.CreateAsync(Project, "redemption", "rr_x", Record("rr_x", "redemption_rollback", "SUCCESS", "cust_0"));
        await feed.Store.PatchAsync(new DocumentKey(Project, "redemption", "r_00", "r_00"), [PatchOperation.Set("status", "ROLLED_BACK")]);
        var sourceChanges = (await feed.Store.ReadChangesAsync(null, 1000)).Changes;

        var summary = new CustomerSummaryHandler(feed.Store);
        var audit = new AuditTrailHandler(feed.Store);
        await using (var processor = feed.Processor(summary, audit))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => await AuditCountAsync() == sourceChanges.Count && await TotalRedeemedAsync(3) == 13);
            await processor.StopAsync(CancellationToken.None);
        }

        var before = await SummaryAsync("cust_0");

        // Redeliver everything: once by hand, once more by a processor that lost its checkpoints.
        foreach (var change in sourceChanges)
        {
            await summary.HandleAsync(change, CancellationToken.None);
            await audit.HandleAsync(change, CancellationToken.None);
        }

        await feed.Store.DeleteAsync(ChangeFeedKeys.Checkpoint(summary.Name));
        await feed.Store.DeleteAsync(ChangeFeedKeys.Checkpoint(audit.Name));
        var end = sourceChanges[^1].Sequence;
        await using (var processor = feed.Processor(summary, audit))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => await CheckpointAsync(summary.Name) >= end && await CheckpointAsync(audit.Name) >= end);
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(sourceChanges.Count, await AuditCountAsync());
        var after = await SummaryAsync("cust_0");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(5, after["total_redeemed"]!.GetValue<long>()); // r_00, r_03, r_06, r_09 and rf_x
        Assert.Equal(4, after["total_succeeded"]!.GetValue<long>());
        Assert.Equal(1, after["total_failed"]!.GetValue<long>());
        Assert.Equal(1, after["total_rolled_back"]!.GetValue<long>());
        Assert.Equal(1, after["total_rollback_succeeded"]!.GetValue<long>());
        Assert.Equal(0, after["total_rollback_failed"]!.GetValue<long>());
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
        await using (var processor = feed.Processor(recorder, new CustomerSummaryHandler(feed.Store)))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(() => recorder.Attempts.Any(a => a.Key.Id == "r_30"));
            await processor.StopAsync(CancellationToken.None); // cancels the change in flight
        }

        Assert.Equal(30, recorder.Delivered.Count);
        feed.Reopen();

        var resumed = new RecordingHandler("recorder", "redemption", feed.Clock);
        await using (var processor = feed.Processor(resumed, new CustomerSummaryHandler(feed.Store)))
        {
            await processor.StartAsync(CancellationToken.None);
            await feed.UntilAsync(async () => resumed.Delivered.Count == 30 && await TotalRedeemedAsync(5) == 60);
            await processor.StopAsync(CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(30, 30).Select(i => $"r_{i:00}"), resumed.Delivered.Select(c => c.Key.Id));
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(12, (await SummaryAsync($"cust_{c}"))["total_succeeded"]!.GetValue<long>());
        }
    }

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
            var id = $"r_{i:00}";
            await feed.CreateAsync(Project, "redemption", id, Record(id, "redemption", "SUCCESS", $"cust_{i % customers}"));
        }
    }

    private async Task<JsonObject> SummaryAsync(string customer) =>
        (await feed.Store.GetAsync(CustomerSummaryKeys.For(Project, customer)))!.Body["summary"]!["redemptions"]!.AsObject();

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

    private async Task<long> CheckpointAsync(string handler) =>
        long.TryParse(await feed.Checkpoints.ReadAsync(handler, CancellationToken.None), out var sequence) ? sequence : 0;
}
