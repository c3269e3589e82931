namespace Voucherify.Core.Storage;

/// <summary>
/// The typed object one stored version of a document was read as, kept for every later reader of that same version:
/// a store that serves a version many times (the SQLite store's read cache) hands each copy the same one, so
/// <see cref="DocumentJson.ReadShared{T}"/> deserializes the text once instead of on every request.
/// </summary>
public sealed class SharedReads
{
    private object? value;

    /// <summary>The object read before, else what <paramref name="read"/> makes of <paramref name="state"/>: a static read of its state, so a hit allocates no closure.</summary>
    internal T Get<T, TState>(TState state, Func<TState, T> read)
        where T : notnull
    {
        if (Volatile.Read(ref value) is T known)
        {
            return known;
        }

        // Two readers racing here both read and one write wins: both objects are the same version's, so either serves.
        var fresh = read(state);
        Volatile.Write(ref value, fresh);
        return fresh;
    }
}
