using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.Threading;

/// <summary>Starts a test's work on <see cref="IdleThreads.Shared"/>, as the change feed's processor starts its loops.</summary>
public static class OnIdleThreads
{
    public static Task<T> Run<T>(Func<T> work) => StartOn(IdleThreads.Shared, work);

    public static Task<T> RunAsync<T>(Func<Task<T>> work) => Run(work).Unwrap();

    /// <summary>
    /// Returns once every one of <paramref name="threads"/> has finished what was queued to it before the call. Such
    /// threads may wait for a core while other tests run; a test that lets fake time pass must not let it run ahead of
    /// the work the last step woke, or that work sees a later time than it was due at.
    /// </summary>
    public static async Task CaughtUpAsync(IdleThreads threads)
    {
        var count = threads.MaximumConcurrencyLevel;

        // Each thread takes one meeting only after the work queued before it, and none leaves until all are taken.
        using var meeting = new Barrier(count);
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartOn(threads, () => meeting.SignalAndWait(TimeSpan.FromSeconds(10)))));
    }

    private static Task<T> StartOn<T>(IdleThreads threads, Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, threads);
}
