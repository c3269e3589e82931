using System.Net;
using Voucherify.Core.Projects;
using Voucherify.Core.Redemptions;
using Voucherify.Core.Vouchers;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Redemptions;

/// <summary>
/// A crash between the counter and its record is simulated by doing only the first write, as a
/// killed process would leave it; recovery must then repair the store exactly once.
/// </summary>
public sealed class RedemptionRecoveryTests : IAsyncLifetime
{
    private ServiceHost host = null!;
    private Project project = null!;

    public async Task InitializeAsync()
    {
        host = await ServiceHost.StartAsync();
        project = host.Service<IProjectDirectory>().Find(DevDefaults.ProjectId)!;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_use_taken_without_its_record_is_given_back_by_the_recovery_worker_after_the_grace_period()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("CRASH", 100, quantity: 1));
        var usage = host.Service<VoucherUsage>();
        await usage.ReserveAsync(VoucherKeys.For(project, "CRASH"), "r_lostinthecrash00", CancellationToken.None);
        (await host.Server.PostAsync("/v1/vouchers/CRASH/redemption", Bodies.Order(1000))).ExpectError(HttpStatusCode.BadRequest, "quantity_exceeded");

        var early = await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);
        host.Clock.Advance(RecoverySettings.Default.GracePeriod + RecoverySettings.Default.Interval);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await host.Server.GetJsonAsync("/v1/vouchers/CRASH")).Long("redemption.redeemed_quantity") != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var again = await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(0, again);
        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/CRASH")).Long("redemption.redeemed_quantity"));
        (await host.Server.PostAsync("/v1/vouchers/CRASH/redemption", Bodies.Order(1000))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_use_whose_record_was_written_stays_counted()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("KEPT", 100, quantity: 5));
        var redemption = (await host.Server.PostAsync("/v1/vouchers/KEPT/redemption", Bodies.Order(1000))).Str("id");
        var usage = host.Service<VoucherUsage>();
        var key = VoucherKeys.For(project, "KEPT");
        await usage.ReturnAsync(key, "rr_unrelated", CancellationToken.None);
        await usage.CompensateAsync(key, new PendingUse(PendingUse.Rollback, -1, "rr_unrelated", host.Clock.GetUtcNow()), CancellationToken.None);

        host.Clock.Advance(RecoverySettings.Default.GracePeriod + TimeSpan.FromSeconds(1));
        await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);

        Assert.Equal(1, (await host.Server.GetJsonAsync("/v1/vouchers/KEPT")).Long("redemption.redeemed_quantity"));
        Assert.Equal("SUCCEEDED", (await host.Server.GetJsonAsync($"/v1/redemptions/{redemption}")).Str("status"));
    }

    [Fact]
    public async Task A_rollback_cut_short_after_its_claim_is_finished_by_recovery()
    {
        await host.Server.PostAsync("/v1/vouchers", Bodies.AmountVoucher("HALF", 100, quantity: 1));
        var id = (await host.Server.PostAsync("/v1/vouchers/HALF/redemption", Bodies.Order(1000))).Str("id");
        var store = host.Service<Voucherify.Core.Storage.IDocumentStore>();
        var pending = new PendingRollback("rr_interrupted0000", host.Clock.GetUtcNow(), "crash test", null);
        await store.PatchAsync(
            RedemptionKeys.For(project, id),
            [
                Voucherify.Core.Storage.PatchOperation.Set("status", RedemptionStatuses.RolledBack),
                Voucherify.Core.Storage.PatchOperation.Set("pending_rollback", Voucherify.Core.Storage.DocumentJson.ToNode(pending)),
            ]);

        host.Clock.Advance(RecoverySettings.Default.GracePeriod + TimeSpan.FromSeconds(1));
        await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);
        await host.Service<RedemptionRecovery>().RecoverAsync(project, CancellationToken.None);

        Assert.Equal(0, (await host.Server.GetJsonAsync("/v1/vouchers/HALF")).Long("redemption.redeemed_quantity"));
        var rollback = (await host.Server.GetJsonAsync("/v1/redemptions/rr_interrupted0000")).Expect(HttpStatusCode.OK);
        Assert.Equal("crash test", rollback.Str("reason"));
        Assert.Null((await host.Server.GetJsonAsync($"/v1/redemptions/{id}")).Node("pending_rollback"));
    }
}
