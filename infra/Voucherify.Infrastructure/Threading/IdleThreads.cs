using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Voucherify.Infrastructure.Threading;

/// <summary>
/// Threads for background work that run only when no request needs the core: on Linux their policy is SCHED_IDLE, on
/// Windows their priority the lowest. The change feed's loops run here on SQLite (<see cref="Core.ChangeFeed.ChangeFeedThreads"/>).
/// Tasks queued here run on them, and so does every continuation of an await inside those tasks unless it asks
/// otherwise (ConfigureAwait(false)).
/// </summary>
/// <remarks>
/// Why idle and not a higher nice value: a woken request thread still waits for a running nice thread to use up its
/// slice (the kernel protects the slice of the task on the core), and the feed's work comes in bursts of several ms
/// every 100 ms; a SCHED_IDLE thread gives the core up the moment any other thread wakes. Redeem at half load: p99
/// 6.98 / 5.85 against 7.94 / 9.56 ms with the loops on the pool (DESIGN.md, "The change feed at idle priority").
/// Nothing that holds what a request waits for may run here: the store commits a write queued from these threads on a
/// pool thread (<see cref="IsCurrentThread"/>), since a commit holds the one writer. Under a machine saturated for
/// long the work here waits, which is why the store's checkpoints are not here: starved at full load, they let the WAL
/// grow (128-137 against 72-82 MB) and redeem's full-load p99 went to 92-93 ms against 18-20.
/// </remarks>
public sealed class IdleThreads : TaskScheduler
{
    private const int SchedIdle = 5;

    /// <summary>One set per process, as the thread pool is; two threads, for the change feed's two loops.</summary>
    public static IdleThreads Shared { get; } = new(2, lowered: true);

    [ThreadStatic]
    private static bool onIdleThread;

    private readonly BlockingCollection<Task> queue = [];

    private IdleThreads(int threads, bool lowered)
    {
        MaximumConcurrencyLevel = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(() => Run(lowered)) { IsBackground = true, Name = ".NET Idle Worker" }.Start();
        }
    }

    /// <summary>
    /// Threads that behave as these in all but priority: for tests of the work that runs here, which must not wait on
    /// how much of the machine other tests leave over (a test process keeps both cores busy for seconds at a time).
    /// </summary>
    internal static IdleThreads AtPoolPriority(int threads) => new(threads, lowered: false);

    /// <summary>Whether the calling thread is one of these: work that others wait for should leave it first.</summary>
    public static bool IsCurrentThread => onIdleThread;

    public override int MaximumConcurrencyLevel { get; }

    protected override void QueueTask(Task task) => queue.Add(task);

    /// <summary>Only on one of these threads: inlined on any other, the task would run at that thread's priority.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => onIdleThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Run(bool lowered)
    {
        if (lowered)
        {
            LowerPriority();
        }

        onIdleThread = true;
        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // The calling thread (pid 0); lowering needs no privilege. A kernel without the policy leaves it as it was.
            var parameter = default(SchedParam);
            _ = sched_setscheduler(0, SchedIdle, ref parameter);
        }
        else if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [DllImport("libc")]
    private static extern int sched_setscheduler(int pid, int policy, ref SchedParam parameter);
}
