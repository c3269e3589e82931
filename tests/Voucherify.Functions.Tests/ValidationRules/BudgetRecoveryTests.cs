using System.Net;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Rules.Budgets;
using Voucherify.Core.Storage;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.ValidationRules;

/// <summary>A crash after a budget counter moved but before the redemption record was written is repaired once the grace period has passed.</summary>
public sealed class BudgetRecoveryTests : HostedApiTest
{
    [Fact]
    public async Task A_counter_move_without_its_record_is_undone_and_one_with_its_record_is_kept()
    {
        var voucher = (await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("BUDGETCRASH", 100))).Str("id");
        var rule = await Catalog.RuleAsync(host, """{"1": {"name": "campaign.redemptions.count", "conditions": {"$less_than": [2]}}}""");
        await Catalog.AssignAsync(host, rule, "voucher", voucher);
        var project = Catalog.Project(host);
        var kept = (await host.Server.PostAsync("/v1/vouchers/BUDGETCRASH/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK).Str("id");
        var ledger = host.Service<RuleCounterLedger>();
        Assert.Null(await ledger.ReserveAllAsync(project, [new CounterMove(voucher, 1, 100, 1000)], "r_lostinthecrash01", CancellationToken.None));
        (await host.Server.PostAsync("/v1/vouchers/BUDGETCRASH/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.BadRequest, "redemption_rules_violated");

        var early = await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);
        host.Clock.Advance(RecoverySettings.Default.GracePeriod + TimeSpan.FromSeconds(1));
        // The hosted worker may repair first on the advanced clock; either way the repair happens exactly once.
        await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);
        var again = await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(0, again);
        var counter = (await host.Service<IDocumentStore>().GetAsync(RuleCounterKeys.For(project, voucher)))!.Body;
        Assert.Equal(1, counter[RuleCounterKeys.RedemptionsCount]!.GetValue<long>());
        Assert.Equal(0, counter[RuleCounterLedger.PendingCountPath]!.GetValue<long>());
        Assert.Equal(kept, (await host.Server.GetJsonAsync("/v1/redemptions?result=SUCCESS")).Str("redemptions.0.id"));
        (await host.Server.PostAsync("/v1/vouchers/BUDGETCRASH/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);
        (await host.Server.PostAsync("/v1/vouchers/BUDGETCRASH/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.BadRequest, "redemption_rules_violated");
    }
}
