using Microsoft.Extensions.DependencyInjection;
using Voucherify.Core.Storage;

namespace Voucherify.Functions.Tests.Support;

/// <summary>
/// A host's real store whose reads of the kinds named are held, once <see cref="Arm"/>ed, until that many are waiting at
/// once, or five seconds have passed (long enough that a slow machine's pause between two reads started together is not
/// taken for reads one after another): a test tells from <see cref="MetTogether"/> which the caller did.
/// </summary>
public sealed class GatedReads(IDocumentStore inner, IReadOnlySet<string> kinds, int together) : DelegatingStore(inner)
{
    private readonly TaskCompletionSource met = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waiting;
    private volatile bool armed;

    public bool MetTogether => met.Task.IsCompleted;

    public void Arm() => armed = true;

    /// <summary>A dev host of its own whose store every service sees through a gate on <paramref name="kinds"/>.</summary>
    public static async Task<ServiceHost> HostAsync(IDictionary<string, string>? settings, IReadOnlySet<string> kinds, int together) =>
        await ServiceHost.StartAsync(settings: settings, services: services =>
        {
            var store = services.Last(service => service.ServiceType == typeof(IDocumentStore));
            services.AddSingleton<IDocumentStore>(provider => new GatedReads((IDocumentStore)store.ImplementationFactory!(provider), kinds, together));
        });

    public override async ValueTask<StoredDocument?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        await HoldAsync(key.Kind);
        return await base.GetAsync(key, cancellationToken);
    }

    public override async ValueTask<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        await HoldAsync(query.Kind);
        return await base.QueryAsync(query, cancellationToken);
    }

    private async Task HoldAsync(string kind)
    {
        if (!armed || !kinds.Contains(kind) || met.Task.IsCompleted)
        {
            return;
        }

        if (Interlocked.Increment(ref waiting) >= together)
        {
            met.TrySetResult();
        }

        await Task.WhenAny(met.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        Interlocked.Decrement(ref waiting);
    }
}
