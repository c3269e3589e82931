using System.Globalization;
using Voucherify.Infrastructure.Threading;

namespace Voucherify.Infrastructure.Tests.Threading;

/// <summary>The threads background work runs on: they give way to every other thread, and work stays on them.</summary>
public sealed class IdleThreadsTests
{
    [Fact]
    public async Task Work_runs_on_threads_whose_policy_gives_the_core_to_any_other_thread()
    {
        var (idle, policy) = await OnIdleThreads.Run(() => (IdleThreads.IsCurrentThread, OwnPolicy()));

        Assert.True(idle);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(5, policy); // SCHED_IDLE
        }

        Assert.False(IdleThreads.IsCurrentThread);
        Assert.NotEqual(5, OwnPolicy());
    }

    [Fact]
    public async Task An_await_inside_the_work_comes_back_to_the_idle_threads()
    {
        var afterAwaits = await OnIdleThreads.RunAsync(async () =>
        {
            await Task.Delay(5);
            await Task.Yield();
            return IdleThreads.IsCurrentThread;
        });

        Assert.True(afterAwaits);
    }

    [Fact]
    public void Work_waited_for_from_another_thread_still_runs_on_the_idle_threads()
    {
        var ranIdle = false;
        var task = new Task(() => ranIdle = IdleThreads.IsCurrentThread);

        // RunSynchronously tries to run the task inline on the calling thread first; it must not, or the work would run at
        // the caller's priority.
        task.RunSynchronously(IdleThreads.Shared);

        Assert.True(ranIdle);
    }

    [Fact]
    public async Task A_failure_in_the_work_reaches_whoever_awaits_it_and_the_threads_go_on()
    {
        var failed = OnIdleThreads.Run<int>(() => throw new InvalidOperationException("failed on an idle thread"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("failed on an idle thread", error.Message);
        Assert.True(await OnIdleThreads.Run(() => IdleThreads.IsCurrentThread));
    }

    /// <summary>The calling thread's scheduling policy (field 41 of its stat), or -1 where /proc is not there.</summary>
    private static int OwnPolicy()
    {
        if (!File.Exists("/proc/thread-self/stat"))
        {
            return -1;
        }

        // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[41 - 3], CultureInfo.InvariantCulture);
    }
}
