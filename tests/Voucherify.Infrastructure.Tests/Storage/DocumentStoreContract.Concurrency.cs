using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Tests.Storage;

public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Concurrent_guarded_increments_never_pass_the_limit()
    {
        await CreateAsync("voucher", """{"redemption":{"quantity":50,"redeemed_quantity":0}}""");
        var guard = Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity");

        var outcomes = await RaceAsync(200, async _ =>
            (await Store.PatchAsync(Key("voucher"), [PatchOperation.Increment("redemption.redeemed_quantity", 1)], [guard])).Outcome);

        Assert.Equal(50, outcomes.Count(outcome => outcome == PatchOutcome.Applied));
        Assert.Equal(150, outcomes.Count(outcome => outcome == PatchOutcome.ConditionFailed));
        AssertBody("""{"redemption":{"quantity":50,"redeemed_quantity":50}}""", (await Store.GetAsync(Key("voucher")))!.Body);
    }

    [Fact]
    public async Task Concurrent_guarded_patches_of_many_operations_never_pass_the_limit_and_lose_no_increment()
    {
        await CreateAsync("voucher", """{"redemption":{"quantity":30,"redeemed_quantity":0}}""");
        var guard = Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity");

        var outcomes = await RaceAsync(60, async racer =>
            (await Store.PatchAsync(
                Key("voucher"),
                [PatchOperation.Increment("redemption.redeemed_quantity", 1), .. Enumerable.Range(0, 10).Select(i => PatchOperation.Set($"uses.u{racer}.f{i}", i))],
                [guard])).Outcome);

        Assert.Equal(30, outcomes.Count(outcome => outcome == PatchOutcome.Applied));
        var stored = (await Store.GetAsync(Key("voucher")))!.Body;
        Assert.Equal(30, stored["redemption"]!["redeemed_quantity"]!.GetValue<long>());
        Assert.Equal(30, stored["uses"]!.AsObject().Count);
        Assert.All(stored["uses"]!.AsObject(), use => Assert.Equal(10, use.Value!.AsObject().Count));
    }

    [Fact]
    public async Task Concurrent_redemptions_of_an_unlimited_voucher_all_apply()
    {
        await CreateAsync("voucher", """{"redemption":{"quantity":null,"redeemed_quantity":0}}""");
        var guard = Condition.AnyOf(
            Condition.IsNull("redemption.quantity"),
            Condition.LessThanPath("redemption.redeemed_quantity", "redemption.quantity"));

        var outcomes = await RaceAsync(100, async _ =>
            (await Store.PatchAsync(Key("voucher"), [PatchOperation.Increment("redemption.redeemed_quantity", 1)], [guard])).Outcome);

        Assert.All(outcomes, outcome => Assert.Equal(PatchOutcome.Applied, outcome));
        AssertBody("""{"redemption":{"quantity":null,"redeemed_quantity":100}}""", (await Store.GetAsync(Key("voucher")))!.Body);
    }

    [Fact]
    public async Task Concurrent_guarded_debits_never_overdraw_a_balance()
    {
        await CreateAsync("card", """{"gift":{"balance":1000}}""");

        var outcomes = await RaceAsync(100, async _ =>
            (await Store.PatchAsync(Key("card"), [PatchOperation.Increment("gift.balance", -30)], [Condition.GreaterOrEq("gift.balance", 30)])).Outcome);

        Assert.Equal(33, outcomes.Count(outcome => outcome == PatchOutcome.Applied));
        AssertBody("""{"gift":{"balance":10}}""", (await Store.GetAsync(Key("card")))!.Body);
    }

    [Fact]
    public async Task Concurrent_replaces_with_the_same_etag_have_exactly_one_winner_per_round()
    {
        await CreateAsync("doc", """{"round":0,"winner":-1}""");

        for (var round = 1; round <= 10; round++)
        {
            var current = await Store.GetAsync(Key("doc"));
            var thisRound = round;
            var won = await RaceAsync(8, async contender =>
            {
                try
                {
                    await Store.ReplaceAsync(new NewDocument(Key("doc"), Json($$"""{"round":{{thisRound}},"winner":{{contender}}}""")), current!.ETag);
                    return true;
                }
                catch (PreconditionFailedException)
                {
                    return false;
                }
            });

            Assert.Equal(1, won.Count(winner => winner));
            var after = await Store.GetAsync(Key("doc"));
            Assert.Equal(round, after!.Body["round"]!.GetValue<int>());
            Assert.Equal(Array.IndexOf(won, true), after.Body["winner"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Concurrent_creates_of_one_key_have_exactly_one_winner()
    {
        var won = await RaceAsync(20, async contender =>
        {
            try
            {
                await CreateAsync("code", $$"""{"by":{{contender}}}""");
                return true;
            }
            catch (DocumentConflictException)
            {
                return false;
            }
        });

        Assert.Equal(1, won.Count(winner => winner));
        Assert.Equal(Array.IndexOf(won, true), (await Store.GetAsync(Key("code")))!.Body["by"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_writes_to_many_documents_all_land()
    {
        await RaceAsync(100, async i =>
        {
            await CreateAsync($"v{i:D3}", $$"""{"n":{{i}}}""");
            return await Store.PatchAsync(Key($"v{i:D3}"), [PatchOperation.Increment("n", 1000)]);
        });

        var documents = await QueryAllAsync(Query() with { OrderBy = "n", PageSize = 7 });

        Assert.Equal(Enumerable.Range(1000, 100), documents.Select(document => document.Body["n"]!.GetValue<int>()));
    }
}
