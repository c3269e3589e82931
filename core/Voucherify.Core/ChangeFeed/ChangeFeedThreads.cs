namespace Voucherify.Core.ChangeFeed;

/// <summary>
/// Where the polling processor runs its loops, and with them every handler's work: a store that can offer threads
/// which give way to requests registers them (SQLite's registration does), and without one the loops run on the
/// thread pool. The feed's work comes in bursts of a few ms that requests otherwise wait behind.
/// </summary>
public sealed record ChangeFeedThreads(TaskScheduler Scheduler);
