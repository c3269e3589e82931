namespace Voucherify.Infrastructure.Sqlite;

/// <summary>
/// One caller's write waiting for the next group commit. Its outcome is held until the transaction that
/// contains it has committed, so no caller ever hears of a write that a crash could still take back.
/// </summary>
internal sealed class SqliteQueuedWrite(Func<SqliteSession, Task<object?>> work, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<object?> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private object? result;

    public Task<object?> Completion => done.Task;

    /// <summary>The work's own failure; its changes were rolled back to its savepoint.</summary>
    public Exception? Error { get; private set; }

    public async Task RunAsync(SqliteSession session)
    {
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
