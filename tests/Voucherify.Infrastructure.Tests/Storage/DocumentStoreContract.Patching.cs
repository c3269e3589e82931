using System.Text.Json.Nodes;
using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    private async Task<PatchResult> PatchAsync(string id, PatchOperation[] operations, params Condition[] conditions) =>
        await Store.PatchAsync(Key(id), operations, conditions);

    [Fact]
    public async Task Patch_set_replaces_a_top_level_value()
    {
        await CreateAsync("v1", """{"status":"ACTIVE","code":"A"}""");

        var result = await PatchAsync("v1", [PatchOperation.Set("status", "DISABLED")]);

        Assert.Equal(PatchOutcome.Applied, result.Outcome);
        AssertBody("""{"status":"DISABLED","code":"A"}""", result.Document!.Body);
        AssertBody("""{"status":"DISABLED","code":"A"}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task Patch_set_on_a_nested_path_creates_the_missing_intermediate_objects()
    {
        await CreateAsync("v1", """{"code":"A","metadata":{"keep":1}}""");

        var result = await PatchAsync(
            "v1",
            [PatchOperation.Set("redemption.limits.per_customer", 3), PatchOperation.Set("metadata.added", "yes")]);

        AssertBody(
            """{"code":"A","metadata":{"keep":1,"added":"yes"},"redemption":{"limits":{"per_customer":3}}}""",
            result.Document!.Body);
    }

    [Fact]
    public async Task Patch_set_and_increment_through_a_null_parent_treat_it_as_missing()
    {
        await CreateAsync("v1", """{"gift":null,"loyalty":{"points":null},"metadata":{"x":null}}""");

        var result = await PatchAsync(
            "v1",
            [
                PatchOperation.Increment("gift.balance", 500),
                PatchOperation.Set("metadata.x.y", "deep"),
                PatchOperation.Increment("loyalty.points", 10),
            ]);

        AssertBody(
            """{"gift":{"balance":500},"loyalty":{"points":10},"metadata":{"x":{"y":"deep"}}}""",
            result.Document!.Body);
    }

    [Fact]
    public async Task Patch_set_stores_strings_numbers_booleans_null_objects_and_arrays_as_json()
    {
        await CreateAsync("v1", """{"a":1}""");

        var result = await PatchAsync(
            "v1",
            [
                PatchOperation.Set("text", "it's \"quoted\" ünïcode"),
                PatchOperation.Set("number", 12.5),
                PatchOperation.Set("numeric_text", "42"),
                PatchOperation.Set("flag", true),
                PatchOperation.Set("a", null),
                PatchOperation.Set("object", JsonNode.Parse("""{"x":[1,{"y":null}]}""")),
                PatchOperation.Set("array", new JsonArray(1, "two", false)),
            ]);

        AssertBody(
            """
            {"a":null,"text":"it's \"quoted\" ünïcode","number":12.5,"numeric_text":"42","flag":true,
             "object":{"x":[1,{"y":null}]},"array":[1,"two",false]}
            """,
            result.Document!.Body);
        Assert.Equal(result.Document.Body.ToJsonString(), (await Store.GetAsync(Key("v1")))!.Body.ToJsonString());
    }

    [Fact]
    public async Task Patch_set_accepts_a_node_that_belongs_to_another_document()
    {
        await CreateAsync("v1", """{"a":1}""");
        var other = Json("""{"shared":{"b":2}}""");

        var result = await PatchAsync("v1", [PatchOperation.Set("copy", other["shared"])]);

        AssertBody("""{"a":1,"copy":{"b":2}}""", result.Document!.Body);
    }

    [Fact]
    public async Task Patch_increment_adds_to_an_existing_number()
    {
        await CreateAsync("v1", """{"redemption":{"redeemed_quantity":4}}""");

        var result = await PatchAsync("v1", [PatchOperation.Increment("redemption.redeemed_quantity", 3)]);

        AssertBody("""{"redemption":{"redeemed_quantity":7}}""", result.Document!.Body);
    }

    [Fact]
    public async Task Patch_increment_on_a_missing_or_null_path_starts_from_zero()
    {
        await CreateAsync("v1", """{"total":null}""");

        var result = await PatchAsync(
            "v1",
            [PatchOperation.Increment("total", 5), PatchOperation.Increment("stats.redemptions.count", 1)]);

        AssertBody("""{"total":5,"stats":{"redemptions":{"count":1}}}""", result.Document!.Body);
    }

    [Fact]
    public async Task Patch_increment_with_a_negative_delta_decrements()
    {
        await CreateAsync("v1", """{"gift":{"balance":1000}}""");

        var result = await PatchAsync("v1", [PatchOperation.Increment("gift.balance", -1250)]);

        AssertBody("""{"gift":{"balance":-250}}""", result.Document!.Body);
    }

    [Fact]
    public async Task Patch_remove_deletes_a_path_and_ignores_a_missing_one()
    {
        await CreateAsync("v1", """{"code":"A","metadata":{"a":1,"b":2}}""");

        var result = await PatchAsync(
            "v1",
            [PatchOperation.Remove("metadata.a"), PatchOperation.Remove("code"), PatchOperation.Remove("not.there")]);

        AssertBody("""{"metadata":{"b":2}}""", result.Document!.Body);
    }

    [Fact]
    public async Task Patch_operations_apply_in_order()
    {
        await CreateAsync("v1", """{"x":1,"gone":5}""");

        var result = await PatchAsync(
            "v1",
            [
                PatchOperation.Set("x", 10),
                PatchOperation.Increment("x", 2),
                PatchOperation.Increment("x", 3),
                PatchOperation.Set("obj", JsonNode.Parse("""{"count":1}""")),
                PatchOperation.Increment("obj.count", 1),
                PatchOperation.Remove("gone"),
                PatchOperation.Increment("gone", 7),
            ]);

        AssertBody("""{"x":15,"gone":7,"obj":{"count":2}}""", result.Document!.Body);
    }

    [Fact]
    public async Task A_patch_of_more_operations_than_cosmos_takes_at_once_applies_them_all_under_its_guard()
    {
        await CreateAsync("v1", """{"status":"ACTIVE","n":4503599627370000,"old":1,"lines":{}}""");
        PatchOperation[] operations =
        [
            .. Enumerable.Range(0, 9).Select(i => PatchOperation.Set($"f{i}", i)),
            PatchOperation.Increment("n", 3),
            PatchOperation.Increment("fresh", 2),
            PatchOperation.Remove("old"),
            PatchOperation.Set("lines.r_1", JsonNode.Parse("""{"date":"x"}""")),
            PatchOperation.Set("deep.er.path", true),
        ];

        var refused = await PatchAsync("v1", operations, Condition.Eq("status", "DISABLED"));
        var applied = await PatchAsync("v1", operations, Condition.Eq("status", "ACTIVE"));

        Assert.Equal(PatchOutcome.ConditionFailed, refused.Outcome);
        Assert.Equal(PatchOutcome.Applied, applied.Outcome);
        var expected = """
            {"status":"ACTIVE","n":4503599627370003,"lines":{"r_1":{"date":"x"}},"f0":0,"f1":1,"f2":2,"f3":3,"f4":4,"f5":5,"f6":6,"f7":7,"f8":8,
             "fresh":2,"deep":{"er":{"path":true}}}
            """;
        AssertBody(expected, applied.Document!.Body);
        AssertBody(expected, (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task A_patch_returns_the_stored_document_with_a_new_etag_and_updated_at_and_the_same_created_at()
    {
        var created = await CreateAsync("v1", """{"n":1}""");
        Clock.Advance(TimeSpan.FromSeconds(30));

        var result = await PatchAsync("v1", [PatchOperation.Increment("n", 1)]);

        var patched = result.Document!;
        Assert.Equal(Key("v1"), patched.Key);
        Assert.NotEqual(created.ETag, patched.ETag);
        Assert.Equal(Start, patched.CreatedAt);
        Assert.Equal(Start.AddSeconds(30), patched.UpdatedAt);
        Assert.Equal(DocumentTimestamps.Format(Start), patched.Body["created_at"]!.GetValue<string>());
        Assert.Equal(DocumentTimestamps.Format(Start.AddSeconds(30)), patched.Body["updated_at"]!.GetValue<string>());
        var read = await Store.GetAsync(Key("v1"));
        Assert.Equal(patched.ETag, read!.ETag);
        Assert.Equal(patched.Body.ToJsonString(), read.Body.ToJsonString());
    }

    [Fact]
    public async Task Patching_a_missing_document_returns_not_found()
    {
        var plain = await PatchAsync("nope", [PatchOperation.Set("a", 1)]);
        var guarded = await PatchAsync("nope", [PatchOperation.Set("a", 1)], Condition.Eq("a", 2));

        Assert.Equal(PatchOutcome.NotFound, plain.Outcome);
        Assert.Null(plain.Document);
        Assert.Equal(PatchOutcome.NotFound, guarded.Outcome);
        Assert.Null(await Store.GetAsync(Key("nope")));
    }

    [Fact]
    public async Task A_failed_condition_returns_condition_failed_and_changes_nothing()
    {
        var created = await CreateAsync("v1", """{"status":"ACTIVE","n":1}""");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await PatchAsync("v1", [PatchOperation.Increment("n", 1)], Condition.Eq("status", "DISABLED"));

        Assert.Equal(PatchOutcome.ConditionFailed, result.Outcome);
        Assert.Null(result.Document);
        var read = await Store.GetAsync(Key("v1"));
        Assert.Equal(created.ETag, read!.ETag);
        Assert.Equal(Start, read.UpdatedAt);
        AssertBody("""{"status":"ACTIVE","n":1}""", read.Body);
    }

    [Fact]
    public async Task A_patch_applies_only_when_every_condition_holds()
    {
        await CreateAsync("v1", """{"status":"ACTIVE","n":1}""");

        var oneFails = await PatchAsync("v1", [PatchOperation.Set("hit", 1)], Condition.Eq("status", "ACTIVE"), Condition.Greater("n", 1));
        var allHold = await PatchAsync("v1", [PatchOperation.Set("hit", 2)], Condition.Eq("status", "ACTIVE"), Condition.GreaterOrEq("n", 1));

        Assert.Equal(PatchOutcome.ConditionFailed, oneFails.Outcome);
        Assert.Equal(PatchOutcome.Applied, allHold.Outcome);
        AssertBody("""{"status":"ACTIVE","n":1,"hit":2}""", allHold.Document!.Body);
    }

    [Fact]
    public async Task An_equality_guard_compares_strings_numbers_and_booleans()
    {
        await CreateAsync("v1", """{"status":"ACTIVE","n":3,"active":true}""");

        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("v1", [PatchOperation.Set("x", 1)], Condition.Eq("status", "ACTIVE"))).Outcome);
        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("v1", [PatchOperation.Set("x", 2)], Condition.Eq("n", 3))).Outcome);
        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("v1", [PatchOperation.Set("x", 3)], Condition.Eq("active", true))).Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, (await PatchAsync("v1", [PatchOperation.Set("x", 4)], Condition.Eq("n", "3"))).Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, (await PatchAsync("v1", [PatchOperation.Set("x", 5)], Condition.Eq("active", 1))).Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, (await PatchAsync("v1", [PatchOperation.Set("x", 6)], Condition.Eq("status", "active"))).Outcome);
    }

    [Fact]
    public async Task A_less_than_guard_against_a_constant_stops_at_the_limit()
    {
        await CreateAsync("v1", """{"used":0}""");

        var outcomes = new List<PatchOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add((await PatchAsync("v1", [PatchOperation.Increment("used", 1)], Condition.Less("used", 3))).Outcome);
        }

        Assert.Equal(
            [PatchOutcome.Applied, PatchOutcome.Applied, PatchOutcome.Applied, PatchOutcome.ConditionFailed, PatchOutcome.ConditionFailed],
            outcomes);
        AssertBody("""{"used":3}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task A_path_comparison_guard_compares_two_fields_of_the_same_document()
    {
        await CreateAsync("v1", """{"redemption":{"quantity":2,"redeemed_quantity":0}}""");
        var guard = Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity");

        var first = await PatchAsync("v1", [PatchOperation.Increment("redemption.redeemed_quantity", 1)], guard);
        var second = await PatchAsync("v1", [PatchOperation.Increment("redemption.redeemed_quantity", 1)], guard);
        var third = await PatchAsync("v1", [PatchOperation.Increment("redemption.redeemed_quantity", 1)], guard);

        Assert.Equal(PatchOutcome.Applied, first.Outcome);
        Assert.Equal(PatchOutcome.Applied, second.Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, third.Outcome);
        AssertBody("""{"redemption":{"quantity":2,"redeemed_quantity":2}}""", (await Store.GetAsync(Key("v1")))!.Body);
    }

    [Fact]
    public async Task A_path_comparison_against_a_missing_path_never_holds()
    {
        await CreateAsync("v1", """{"redeemed":0}""");

        var result = await PatchAsync("v1", [PatchOperation.Increment("redeemed", 1)], Condition.LessThanPath("redeemed", "quantity"));

        Assert.Equal(PatchOutcome.ConditionFailed, result.Outcome);
    }

    [Fact]
    public async Task Path_comparisons_support_equality_and_every_ordering()
    {
        await CreateAsync("v1", """{"a":1,"b":2,"c":2.0,"s":"x","t":"y","nil":null}""");

        async Task<bool> Holds(Condition condition) =>
            (await PatchAsync("v1", [PatchOperation.Set("touched", true)], condition)).Outcome == PatchOutcome.Applied;

        Assert.True(await Holds(new PathComparison("b", ConditionOperator.Equal, "c")));
        Assert.True(await Holds(new PathComparison("nil", ConditionOperator.Equal, "missing")));
        Assert.False(await Holds(new PathComparison("a", ConditionOperator.Equal, "b")));
        Assert.True(await Holds(new PathComparison("a", ConditionOperator.NotEqual, "b")));
        Assert.True(await Holds(new PathComparison("a", ConditionOperator.NotEqual, "missing")));
        Assert.False(await Holds(new PathComparison("b", ConditionOperator.NotEqual, "c")));
        Assert.True(await Holds(new PathComparison("a", ConditionOperator.LessThan, "b")));
        Assert.True(await Holds(new PathComparison("b", ConditionOperator.LessThanOrEqual, "c")));
        Assert.True(await Holds(new PathComparison("b", ConditionOperator.GreaterThan, "a")));
        Assert.True(await Holds(new PathComparison("c", ConditionOperator.GreaterThanOrEqual, "b")));
        Assert.True(await Holds(new PathComparison("s", ConditionOperator.LessThan, "t")));
        Assert.False(await Holds(new PathComparison("a", ConditionOperator.LessThan, "s")));
        Assert.False(await Holds(new PathComparison("s", ConditionOperator.GreaterThan, "a")));
    }

    [Fact]
    public async Task An_any_of_guard_lets_an_unlimited_voucher_through_and_limits_a_limited_one()
    {
        await CreateAsync("unlimited", """{"redemption":{"quantity":null,"redeemed_quantity":7}}""");
        await CreateAsync("limited", """{"redemption":{"quantity":1,"redeemed_quantity":0}}""");
        var guard = Condition.AnyOf(
            Condition.IsNull("redemption.quantity"),
            Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity"));
        PatchOperation[] redeem = [PatchOperation.Increment("redemption.redeemed_quantity", 1)];

        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("unlimited", redeem, guard)).Outcome);
        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("unlimited", redeem, guard)).Outcome);
        Assert.Equal(PatchOutcome.Applied, (await PatchAsync("limited", redeem, guard)).Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, (await PatchAsync("limited", redeem, guard)).Outcome);
        AssertBody("""{"redemption":{"quantity":null,"redeemed_quantity":9}}""", (await Store.GetAsync(Key("unlimited")))!.Body);
    }

    [Fact]
    public async Task An_empty_any_of_never_holds()
    {
        await CreateAsync("v1", """{"n":1}""");

        var result = await PatchAsync("v1", [PatchOperation.Set("n", 2)], Condition.AnyOf());

        Assert.Equal(PatchOutcome.ConditionFailed, result.Outcome);
    }

    [Fact]
    public async Task A_missing_path_in_a_guard_behaves_as_null()
    {
        await CreateAsync("v1", """{"n":1,"explicit":null}""");

        async Task<PatchOutcome> Try(Condition condition) =>
            (await PatchAsync("v1", [PatchOperation.Set("touched", true)], condition)).Outcome;

        Assert.Equal(PatchOutcome.Applied, await Try(Condition.IsNull("missing")));
        Assert.Equal(PatchOutcome.Applied, await Try(Condition.IsNull("explicit")));
        Assert.Equal(PatchOutcome.Applied, await Try(Condition.IsNull("deeply.missing.path")));
        Assert.Equal(PatchOutcome.Applied, await Try(Condition.Eq("missing", null)));
        Assert.Equal(PatchOutcome.Applied, await Try(Condition.NotEq("missing", 5)));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.IsNotNull("missing")));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.IsNotNull("explicit")));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.Less("missing", 5)));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.GreaterOrEq("missing", 0)));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.Eq("missing", 0)));
        Assert.Equal(PatchOutcome.ConditionFailed, await Try(Condition.StartsWith("missing", "")));
        Assert.Equal(PatchOutcome.Applied, await Try(Condition.IsNotNull("n")));
    }

    [Fact]
    public async Task A_guard_sees_the_body_as_it_was_before_the_patch()
    {
        await CreateAsync("v1", """{"used":0}""");

        var first = await PatchAsync("v1", [PatchOperation.Set("used", 5)], Condition.Eq("used", 0));
        var second = await PatchAsync("v1", [PatchOperation.Set("used", 6)], Condition.Eq("used", 0));

        Assert.Equal(PatchOutcome.Applied, first.Outcome);
        Assert.Equal(PatchOutcome.ConditionFailed, second.Outcome);
    }

    [Fact]
    public async Task A_patch_without_operations_is_rejected()
    {
        await CreateAsync("v1", """{"n":1}""");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PatchAsync(Key("v1"), []));
    }
}
