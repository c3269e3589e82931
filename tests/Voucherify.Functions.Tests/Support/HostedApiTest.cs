namespace Voucherify.Functions.Tests.Support;

/// <summary>A test class with its own dev host on a fresh store for every test, started and stopped around it.</summary>
public abstract class HostedApiTest : IAsyncLifetime
{
    protected ServiceHost host = null!;

    public virtual async Task InitializeAsync() => host = await ServiceHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();
}
