using Voucherify.Core.Storage;

namespace Voucherify.Infrastructure.Sqlite;

/// <summary>Ends an atomic write early: thrown inside the write so its savepoint rolls back, caught by the caller as a refusal.</summary>
internal sealed class SqliteAtomicAbort(int index, AtomicWriteOutcome outcome) : Exception($"Atomic write {index} could not be applied: {outcome}.")
{
    public int Index => index;

    public AtomicWriteOutcome Outcome => outcome;
}
