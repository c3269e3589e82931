namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// A test class with its own dev host on a fresh store for every test, started and stopped around it. SQLite by
/// default; a subclass that overrides <see cref="HostSettings"/> runs the same tests on another store.
/// </summary>
public abstract class HostedApiTest : IAsyncLifetime
{
    protected ServiceHost host = null!;

    /// <summary>Settings the host starts with (e.g. <see cref="ServiceHost.CosmosSettings"/>); none = SQLite.</summary>
    protected virtual IDictionary<string, string>? HostSettings => null;

    public virtual async Task InitializeAsync() => host = await ServiceHost.StartAsync(settings: HostSettings);

    public async Task DisposeAsync() => await host.DisposeAsync();
}
