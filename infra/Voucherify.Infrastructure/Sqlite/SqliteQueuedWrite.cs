namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// One caller's write waiting for the next group commit. Its outcome is held until the transaction that
/// contains it has committed, so no caller ever hears of a write that a crash could still take back.
/// </summary>
internal sealed class SqliteQueuedWrite(Func<SqliteSession, Task<object?>> work, int weight, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<object?> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private object? result;

    public Task<object?> Completion => done.Task;

    /// <summary>How many documents the work writes (a chunk of a CreateMany; 1 for the rest).</summary>
    public int Weight { get; } = weight;

    /// <summary>The work's own failure; whatever it changed was rolled back.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Runs the work; again if the batch ran it before and was rolled back (its outcome then is the last run's).</summary>
    public async Task RunAsync(SqliteSession session)
    {
        Error = null;
        result = null;
        if (cancellationToken.IsCancellationRequested)
        {
            Error = new OperationCanceledException(cancellationToken);
            return;
        }

        try
        {
            result = await work(session).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Error = exception;
        }
    }

    /// <summary>Answers the caller once the batch has committed, or with the batch's failure.</summary>
    public void Finish(Exception? batchFailure)
    {
        if ((batchFailure ?? Error) is { } failure)
        {
            done.TrySetException(failure);
        }
        else
        {
            done.TrySetResult(result);
        }
    }
}
