using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.Threading;

/// <summary>Starts a test's work on <see cref="IdleThreads.Shared"/>, as the change feed's processor starts its loops.</summary>
public static class OnIdleThreads
{
    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, IdleThreads.Shared);

    public static Task<T> RunAsync<T>(Func<Task<T>> work) => Run(work).Unwrap();
}
